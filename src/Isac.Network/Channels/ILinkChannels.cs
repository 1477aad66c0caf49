using Complex = System.Numerics.Complex;

namespace Isac.Network.Channels;

/// <summary>The channels of one epoch, link by link: h from BS <c>bs</c> to user <c>user</c> of cell <c>cell</c>.</summary>
public interface ILinkChannels
{
    /// <summary>Number of cells L.</summary>
    int Cells { get; }

    /// <summary>Number of users of a cell.</summary>
    int UsersIn(int cell);

    /// <summary>h^{bs, (cell, user)} (N_t entries; do not modify).</summary>
    Complex[] Link(int bs, int cell, int user);
}

/// <summary>Channels given as a full table h[bs][cell][user].</summary>
/// <param name="H">h[bs][cell][user].</param>
public sealed record ChannelTable(Complex[][][][] H) : ILinkChannels
{
    /// <inheritdoc />
    public int Cells => H.Length;

    /// <inheritdoc />
    public int UsersIn(int cell) => H[cell][cell].Length;

    /// <inheritdoc />
    public Complex[] Link(int bs, int cell, int user) => H[bs][cell][user];
}
