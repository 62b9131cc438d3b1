using Orleans;
using RaySharp.Cluster.Cancellation;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// One task spec on its way to the node that runs it: the sender's key for it and the spec's bytes; or a cancel of the
/// task the sender sent under that key (<see cref="Cancel"/>), which travels behind the spec in the same outbox.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class WireTask
{
    public WireTask(long key, byte[] spec, CancelMode cancel = CancelMode.None)
    {
        Key = key;
        Spec = spec;
        Cancel = cancel;
    }

    /// <summary>The sending node's key for the task; the result comes back under it.</summary>
    [Id(0)]
    public long Key { get; }

    /// <summary>The spec, as <c>RaySharp.Wire.TaskSpecWire</c> writes it; empty for a cancel.</summary>
    [Id(1)]
    public byte[] Spec { get; }

    /// <summary>Set for a cancel of the task sent under <see cref="Key"/>: <c>Ray.Cancel</c>'s options.</summary>
    [Id(2)]
    public CancelMode Cancel { get; }

    /// <summary>A cancel of the task sent under <paramref name="key"/>.</summary>
    public static WireTask CancelOf(long key, bool force, bool recursive) =>
        new(key, [], CancelMode.Cancel | (force ? CancelMode.Force : 0) | (recursive ? CancelMode.Recursive : 0));
}
