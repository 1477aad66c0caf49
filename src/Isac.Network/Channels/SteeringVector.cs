using Complex = System.Numerics.Complex;
using Isac.Physics.Arrays;

namespace Isac.Network.Channels;

/// <summary>
/// Paper B's unit-norm ULA response a(θ) = N^−½·[1, e^{jπ sinθ}, …]ᵀ (eq. (14)), θ the azimuth
/// of the direction measured from the array broadside (+x axis), radians.
/// </summary>
public sealed class SteeringVector
{
    private readonly UniformLinearArray _array;

    /// <summary>Creates the response of an N-element half-wavelength ULA.</summary>
    public SteeringVector(int elements) => _array = new UniformLinearArray(elements, ArrayNormalization.UnitNorm);

    /// <summary>Number of elements N.</summary>
    public int Elements => _array.Elements;

    /// <summary>a(θ) as a new array.</summary>
    public Complex[] At(double theta)
    {
        var a = new Complex[Elements];
        _array.Response(theta, a);
        return a;
    }

    /// <summary>Writes a(θ) into <paramref name="destination"/>.</summary>
    public void At(double theta, Span<Complex> destination) => _array.Response(theta, destination);
}
