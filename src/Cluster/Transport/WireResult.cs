using Orleans;

namespace RaySharp.Cluster.Transport;

/// <summary>The end of a task that ran on another node: its value's bytes, or its error.</summary>
[GenerateSerializer, Immutable]
internal sealed class WireResult
{
    public WireResult(long key, byte[]? value, WireError? error)
    {
        Key = key;
        Value = value;
        Error = error;
    }

    /// <summary>The key the sending node gave the task.</summary>
    [Id(0)]
    public long Key { get; }

    /// <summary>The result's bytes, written by the function's result formatter; null when the task failed.</summary>
    [Id(1)]
    public byte[]? Value { get; }

    /// <summary>Why the task failed; null when it succeeded.</summary>
    [Id(2)]
    public WireError? Error { get; }
}
