using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Geometry;
using Isac.Network.Numerics;
using Isac.Network.Sensing;

namespace Isac.Network.Tests.Sensing;

public class SensingTests
{
    private static readonly ChannelSettings Channel = new();

    [Fact]
    public void ErrorVariances_FollowEquation16()
    {
        var s = new SensingSettings();
        var model = new SensingModel(s, Channel, 1e-12, NetworkLayout.PaperB());
        var user = new UserState(0, 0, new Point2(40, 10), new Point2(20, 0));
        var steer = new SteeringVector(32);
        var beams = new[] { steer.At(0.3).Select(x => x * 0.5).ToArray(), steer.At(-0.2).Select(x => x * 0.7).ToArray() };
        var prior = new SensedUser(user.Position.Azimuth, 41, user.Position, 0, 1);
        var (_, outcome) = model.Sense(0, user, beams, 0, prior, 1, new DeterministicRandom(1), 20, 0.02);
        // Independent evaluation of (16) with the ideal receive beam (ρ = 1).
        var a = steer.At(user.Position.Azimuth);
        double d = user.Position.Length;
        double beta2 = Channel.Wavelength * Channel.Wavelength * s.RadarCrossSection / (Math.Pow(4 * Math.PI, 3) * Math.Pow(d, 4));
        double g = s.MatchedFilterGain * 32 * 64 * beta2;
        double expected = 0.01 * (g * ComplexVectors.AbsDotSquared(a, beams[1]) + 1e-12) / (g * ComplexVectors.AbsDotSquared(a, beams[0]));
        Assert.Equal(expected, outcome.AngleVariance, 1e-9 * expected);
        Assert.Equal(expected * Math.Pow(6.7e-7 / 0.1, 2), outcome.DelayVariance, 1e-9 * outcome.DelayVariance);
    }

    [Fact]
    public void AngleEstimates_HaveTheModelledVariance()
    {
        var model = new SensingModel(new SensingSettings(), Channel, 1e-12, NetworkLayout.PaperB());
        var user = new UserState(0, 0, new Point2(30, -20), new Point2(0, 0));
        var steer = new SteeringVector(32);
        var beams = new[] { steer.At(user.Position.Azimuth), steer.At(0.9) };
        var prior = new SensedUser(user.Position.Azimuth, 36, user.Position, 0, double.PositiveInfinity);
        var rng = new DeterministicRandom(5);
        var errors = new List<double>();
        double variance = 0;
        for (int i = 0; i < 4000; i++)
        {
            var (b, o) = model.Sense(0, user, beams, 0, prior, 1, rng, 20, 0.02);
            errors.Add(b.Angle - user.Position.Azimuth);
            variance = o.AngleVariance;
        }
        double sample = errors.Select(e => e * e).Average();
        Assert.InRange(sample / variance, 0.9, 1.1); // 4000 samples: ±10 % is about 4 standard errors
    }

    [Fact]
    public void Belief_KeepsThePreviousEstimate_WhenTheEchoIsWorse()
    {
        var model = new SensingModel(new SensingSettings(), Channel, 1e-12, NetworkLayout.PaperB());
        var user = new UserState(0, 0, new Point2(30, -20), new Point2(0, 0));
        var prior = new SensedUser(0, 36, new Point2(30.5, -20), 0, 0.25);
        var beams = new[] { new Complex[32].Select(_ => new Complex(1e-9, 0)).ToArray() }; // almost no power toward the user
        var (b, _) = model.Sense(0, user, beams, 0, prior, 1, new DeterministicRandom(1), 20, 0.02);
        Assert.Equal(prior, b);
    }
}
