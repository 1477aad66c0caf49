using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Arrays;

/// <summary>
/// A uniform linear array with element spacing d (in wavelengths, λ/2 by default), angles from
/// broadside in radians.
/// </summary>
/// <remarks>
/// Element i (i = 0 … N−1) has response c·e^{j2π d i sinθ}, with c = 1 (<see cref="ArrayNormalization.Unnormalized"/>)
/// or c = 1/√N (<see cref="ArrayNormalization.UnitNorm"/>). The first element is the phase
/// reference. The derivative in angle is ∂a_i/∂θ = j2π d i cosθ · a_i.
/// </remarks>
public sealed class UniformLinearArray
{
    /// <summary>Creates an array description.</summary>
    /// <param name="elements">Number of elements N ≥ 1.</param>
    /// <param name="normalization">Paper A's or paper B's scaling; there is no default on purpose.</param>
    /// <param name="spacingWavelengths">Element spacing d in wavelengths (0.5 = λ/2).</param>
    public UniformLinearArray(int elements, ArrayNormalization normalization, double spacingWavelengths = 0.5)
    {
        if (elements < 1) throw new ArgumentOutOfRangeException(nameof(elements), elements, "an array needs at least one element");
        if (!(spacingWavelengths > 0) || !double.IsFinite(spacingWavelengths))
            throw new ArgumentOutOfRangeException(nameof(spacingWavelengths), spacingWavelengths, "spacing must be a positive finite number of wavelengths");
        Elements = elements;
        Normalization = normalization;
        SpacingWavelengths = spacingWavelengths;
        Scale = normalization == ArrayNormalization.UnitNorm ? 1.0 / Math.Sqrt(elements) : 1.0;
    }

    /// <summary>Number of elements N.</summary>
    public int Elements { get; }

    /// <summary>The scaling convention.</summary>
    public ArrayNormalization Normalization { get; }

    /// <summary>Element spacing in wavelengths.</summary>
    public double SpacingWavelengths { get; }

    /// <summary>The common factor c applied to every element (1 or 1/√N).</summary>
    public double Scale { get; }

    /// <summary>The steering vector a(θ).</summary>
    public Vector<Complex> Response(double thetaRadians)
    {
        var a = new Complex[Elements];
        Response(thetaRadians, a);
        return Vector<Complex>.Build.Dense(a);
    }

    /// <summary>Writes a(θ) into <paramref name="destination"/> (length N).</summary>
    public void Response(double thetaRadians, Span<Complex> destination)
    {
        CheckLength(destination.Length);
        double phase = 2 * Math.PI * SpacingWavelengths * Math.Sin(thetaRadians);
        for (int i = 0; i < Elements; i++)
        {
            destination[i] = Complex.FromPolarCoordinates(Scale, phase * i);
        }
    }

    /// <summary>The derivative ∂a(θ)/∂θ.</summary>
    public Vector<Complex> ResponseDerivative(double thetaRadians)
    {
        var d = new Complex[Elements];
        ResponseDerivative(thetaRadians, d);
        return Vector<Complex>.Build.Dense(d);
    }

    /// <summary>Writes ∂a(θ)/∂θ into <paramref name="destination"/> (length N).</summary>
    public void ResponseDerivative(double thetaRadians, Span<Complex> destination)
    {
        CheckLength(destination.Length);
        double k = 2 * Math.PI * SpacingWavelengths;
        double phase = k * Math.Sin(thetaRadians);
        double c = k * Math.Cos(thetaRadians);
        for (int i = 0; i < Elements; i++)
        {
            // j·(k i cosθ)·c·e^{j φ i}
            destination[i] = Complex.ImaginaryOne * (c * i) * Complex.FromPolarCoordinates(Scale, phase * i);
        }
    }

    private void CheckLength(int length)
    {
        if (length != Elements)
            throw new ArgumentException($"destination has length {length}, the array has {Elements} elements");
    }
}
