using Isac.Conic;
using Isac.Conic.Io;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;

namespace Isac.Modeling.Tests.Compilation;

/// <summary>A compiled model exported to SDPA (second-order cones as arrow matrices, free blocks split) and
/// solved from the file gives the model's optimum.</summary>
public class SdpaExportTests
{
    public static TheoryData<FormulationSide, SecondOrderConeForm> Cases => new()
    {
        { FormulationSide.ConeVariables, SecondOrderConeForm.ArrowPsd },
        { FormulationSide.FreeScalars, SecondOrderConeForm.ArrowPsd },
        { FormulationSide.ConeVariables, SecondOrderConeForm.Native },
        { FormulationSide.FreeScalars, SecondOrderConeForm.Native },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExportedModel_SolvedFromTheFile_GivesTheSameOptimum(FormulationSide side, SecondOrderConeForm cones)
    {
        var h = TestData.RandomComplexVector(3, seed: 51);
        var model = new Model("export");
        var w = model.HermitianPsd("W", 3);
        var x = model.ComplexVector("x", 3);
        var t = model.RealScalar("t");
        model.Add(Expr.QuadForm(Expr.Constant(h, "h"), w) >= 1.0);
        model.Add(Expr.Norm2(x - h) <= t);
        model.Add(Expr.Block(new Expression?[,] { { w, x }, { x.H, 1.0 } }) >> 0.0);
        model.Minimize(w.Trace() + t + 3.0);
        var settings = new ModelSettings { Side = side, SecondOrderCones = cones };
        var compiled = model.Compile(settings);
        var writer = new StringWriter();

        compiled.WriteSdpa(writer);
        var fromFile = ConicSolver.Solve(SdpaReader.Read(new StringReader(writer.ToString()), "export.dat-s"),
                                         new SolverSettings { Verbosity = Verbosity.Silent });
        var direct = model.Solve(settings with { SecondOrderCones = SecondOrderConeForm.ArrowPsd });

        Assert.Equal(SolverStatus.Solved, fromFile.Status);
        Assert.Equal(ModelStatus.Optimal, direct.Status);
        Assert.Equal(direct.Objective, compiled.ObjectiveFromSdpaValue(fromFile.PrimalObjective), Tolerances.Optimum);
        Assert.DoesNotContain("soc(", compiled.ToSdpaProblem().ToString());
    }
}
