using Orleans;

namespace RaySharp.Cluster.Transport;

/// <summary>One task spec on its way to the node that runs it: the sender's key for it and the spec's bytes.</summary>
[GenerateSerializer, Immutable]
internal sealed class WireTask
{
    public WireTask(long key, byte[] spec)
    {
        Key = key;
        Spec = spec;
    }

    /// <summary>The sending node's key for the task; the result comes back under it.</summary>
    [Id(0)]
    public long Key { get; }

    /// <summary>The spec, as <c>RaySharp.Wire.TaskSpecWire</c> writes it.</summary>
    [Id(1)]
    public byte[] Spec { get; }
}
