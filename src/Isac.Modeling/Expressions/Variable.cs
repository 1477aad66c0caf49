using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>
/// A decision variable of a <see cref="Model"/>: real or complex, scalar, vector or matrix,
/// symmetric or Hermitian, optionally constrained to the positive semidefinite cone. Created by
/// the model's factory methods (<see cref="Model.RealScalar"/>, <see cref="Model.HermitianPsd"/>, …).
/// </summary>
/// <remarks>
/// A variable is described to the solver by real scalars: one per entry of a real matrix, two
/// (real and imaginary part) per entry of a complex one, n(n+1)/2 for a symmetric and n² for a
/// Hermitian n×n matrix. A PSD variable is a cone of its own: on the cone-variable side of the
/// duality it becomes a PSD block (a Hermitian one through the real embedding
/// [[Re X, −Im X], [Im X, Re X]] ⪰ 0) with no extra rows.
/// </remarks>
public sealed class Variable : Expression
{
    internal Variable(Model model, string name, VariableKind kind, Shape shape, bool isPsd, int offset)
        : base(shape, kind is VariableKind.Complex or VariableKind.Hermitian)
    {
        Model = model;
        Name = name;
        Kind = kind;
        IsPsd = isPsd;
        Offset = offset;
        ScalarCount = kind switch
        {
            VariableKind.Real => shape.Size,
            VariableKind.Complex => 2 * shape.Size,
            VariableKind.Symmetric => MatrixLayouts.SymmetricCount(shape.Rows),
            _ => MatrixLayouts.HermitianCount(shape.Rows),
        };
    }

    /// <summary>The name used in messages and results.</summary>
    public string Name { get; }

    /// <summary>Real, complex, symmetric or Hermitian.</summary>
    public VariableKind Kind { get; }

    /// <summary>True if the variable is constrained to be positive semidefinite.</summary>
    public bool IsPsd { get; }

    /// <summary>The model that owns the variable.</summary>
    internal Model Model { get; }

    /// <summary>Index of the first real scalar of this variable in the model.</summary>
    internal int Offset { get; }

    /// <summary>Number of real scalars describing the variable.</summary>
    internal int ScalarCount { get; }

    /// <inheritdoc />
    public override Curvature Curvature => Curvature.Affine;

    internal override IEnumerable<Expression> Children => [];

    internal override string Describe() => Name;

    internal override bool IsHermitian => Kind is VariableKind.Symmetric or VariableKind.Hermitian || (Kind == VariableKind.Real && Shape.IsScalar);

    internal override AffineMap Lower(Lowering context)
    {
        int r = Rows, c = Cols, n = Rows;
        var b = new AffineMapBuilder(r, c, ScalarCount * 2);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                switch (Kind)
                {
                    case VariableKind.Real:
                        b.AddTerm(Offset + i * c + j, 1.0);
                        break;
                    case VariableKind.Complex:
                        b.AddTerm(Offset + 2 * (i * c + j), 1.0);
                        b.AddTerm(Offset + 2 * (i * c + j) + 1, Complex.ImaginaryOne);
                        break;
                    case VariableKind.Symmetric:
                        b.AddTerm(Offset + MatrixLayouts.Symmetric(n, i, j), 1.0);
                        break;
                    default:
                        if (i == j)
                        {
                            b.AddTerm(Offset + i, 1.0);
                        }
                        else
                        {
                            int k = Offset + MatrixLayouts.HermitianReal(n, Math.Min(i, j), Math.Max(i, j));
                            b.AddTerm(k, 1.0);
                            b.AddTerm(k + 1, i < j ? Complex.ImaginaryOne : -Complex.ImaginaryOne);
                        }
                        break;
                }
                b.EndEntry();
            }
        }
        return b.Build();
    }

    internal override Matrix<Complex> Evaluate(IValueSource values) => values.Value(this);

    /// <summary>
    /// Adds scale·Σ_ij g_ij X_ij (a linear functional of this variable) to the builder's current
    /// entry, one term per real scalar: the compact form of tr(A X) (g = Aᵀ) and hᴴXh (g_ij = conj(h_i) h_j).
    /// </summary>
    internal void AddFunctional(AffineMapBuilder builder, Complex[,] g, Complex scale)
    {
        int r = Rows, c = Cols, n = Rows;
        switch (Kind)
        {
            case VariableKind.Real:
                for (int i = 0; i < r; i++)
                {
                    for (int j = 0; j < c; j++)
                    {
                        builder.AddTerm(Offset + i * c + j, scale * g[i, j]);
                    }
                }
                break;
            case VariableKind.Complex:
                for (int i = 0; i < r; i++)
                {
                    for (int j = 0; j < c; j++)
                    {
                        builder.AddTerm(Offset + 2 * (i * c + j), scale * g[i, j]);
                        builder.AddTerm(Offset + 2 * (i * c + j) + 1, scale * Complex.ImaginaryOne * g[i, j]);
                    }
                }
                break;
            case VariableKind.Symmetric:
                for (int i = 0; i < n; i++)
                {
                    builder.AddTerm(Offset + i, scale * g[i, i]);
                    for (int j = i + 1; j < n; j++)
                    {
                        builder.AddTerm(Offset + MatrixLayouts.Symmetric(n, i, j), scale * (g[i, j] + g[j, i]));
                    }
                }
                break;
            default:
                // X_ij = x + iy, X_ji = x − iy: g_ij X_ij + g_ji X_ji = x (g_ij + g_ji) + iy (g_ij − g_ji).
                for (int i = 0; i < n; i++)
                {
                    builder.AddTerm(Offset + i, scale * g[i, i]);
                }
                for (int i = 0; i < n; i++)
                {
                    for (int j = i + 1; j < n; j++)
                    {
                        int k = Offset + MatrixLayouts.HermitianReal(n, i, j);
                        builder.AddTerm(k, scale * (g[i, j] + g[j, i]));
                        builder.AddTerm(k + 1, scale * Complex.ImaginaryOne * (g[i, j] - g[j, i]));
                    }
                }
                break;
        }
    }

    /// <summary>The value described by the model's real scalars x.</summary>
    internal Matrix<Complex> FromScalars(ReadOnlySpan<double> x)
    {
        int r = Rows, c = Cols, n = Rows;
        var m = Matrix<Complex>.Build.Dense(r, c);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                m[i, j] = Kind switch
                {
                    VariableKind.Real => x[Offset + i * c + j],
                    VariableKind.Complex => new Complex(x[Offset + 2 * (i * c + j)], x[Offset + 2 * (i * c + j) + 1]),
                    VariableKind.Symmetric => x[Offset + MatrixLayouts.Symmetric(n, i, j)],
                    _ => i == j
                        ? x[Offset + i]
                        : new Complex(x[Offset + MatrixLayouts.HermitianReal(n, Math.Min(i, j), Math.Max(i, j))],
                                      (i < j ? 1 : -1) * x[Offset + MatrixLayouts.HermitianReal(n, Math.Min(i, j), Math.Max(i, j)) + 1]),
                };
            }
        }
        return m;
    }
}
