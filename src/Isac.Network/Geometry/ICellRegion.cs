using Isac.Core.Random;

namespace Isac.Network.Geometry;

/// <summary>The area a cell serves: where its users are dropped and where they may move.</summary>
public interface ICellRegion
{
    /// <summary>True when <paramref name="p"/> lies in the region (users may be there).</summary>
    bool Contains(Point2 p);

    /// <summary>A point drawn uniformly over the region's area.</summary>
    Point2 Sample(DeterministicRandom rng);

    /// <summary>The region's bounding box: (min corner, max corner).</summary>
    (Point2 Min, Point2 Max) Bounds { get; }

    /// <summary>A one-line description for error messages (e.g. "a disk of 90 m around its BS").</summary>
    string Describe();
}
