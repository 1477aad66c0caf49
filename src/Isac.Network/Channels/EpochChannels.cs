using Complex = System.Numerics.Complex;
using Isac.Network.Geometry;

namespace Isac.Network.Channels;

/// <summary>
/// The true channels of one epoch, computed the first time a link is asked for and kept: a large
/// network needs every BS's channels to its own users (scheduling) and to the scheduled users of
/// the network (the SINR (4)), not all L²·|U| links. Safe for concurrent readers; a link computed
/// twice by two threads is the same (its stream is fixed by epoch and link).
/// </summary>
public sealed class EpochChannels : ILinkChannels
{
    private readonly IChannelModel _model;
    private readonly UserState[][] _users;
    private readonly Complex[]?[][][] _h; // [bs][cell][user]
    private long _computed;

    /// <summary>The channels of epoch <paramref name="epoch"/> for users at <paramref name="users"/>.</summary>
    public EpochChannels(IChannelModel model, UserState[][] users, int epoch)
    {
        _model = model;
        _users = users;
        Epoch = epoch;
        int cells = users.Length;
        _h = new Complex[]?[cells][][];
        for (int m = 0; m < cells; m++)
        {
            _h[m] = new Complex[]?[cells][];
            for (int l = 0; l < cells; l++) _h[m][l] = new Complex[users[l].Length][];
        }
    }

    /// <summary>The epoch.</summary>
    public int Epoch { get; }

    /// <inheritdoc />
    public int Cells => _users.Length;

    /// <summary>Links computed so far.</summary>
    public long ComputedLinks => Interlocked.Read(ref _computed);

    /// <inheritdoc />
    public int UsersIn(int cell) => _users[cell].Length;

    /// <inheritdoc />
    public Complex[] Link(int bs, int cell, int user)
    {
        var slot = _h[bs][cell];
        var h = Volatile.Read(ref slot[user]);
        if (h is not null) return h;
        h = _model.Channel(bs, cell, user, _users[cell][user].Position, Epoch);
        var previous = Interlocked.CompareExchange(ref slot[user], h, null);
        if (previous is null) Interlocked.Increment(ref _computed);
        return previous ?? h;
    }

    /// <summary>BS <paramref name="cell"/>'s channels to all its own users (its intra-cell CSI).</summary>
    public Complex[][] Own(int cell) => Enumerable.Range(0, _users[cell].Length).Select(k => Link(cell, cell, k)).ToArray();
}
