namespace RaySharp;

/// <summary>The object store's totals, as <see cref="Ray.State.Memory"/> reports them (the summary of <c>ray memory</c>).</summary>
/// <remarks>Only tracked objects count: those larger than <see cref="InlineObjectMaxBytes"/>.</remarks>
public sealed record ObjectStoreMemoryInfo
{
    /// <summary>Bytes of the objects in memory.</summary>
    public required long UsedBytes { get; init; }

    /// <summary>The memory cap (<see cref="RayOptions.ObjectStoreMemory"/>).</summary>
    public required long CapacityBytes { get; init; }

    /// <summary>Bytes of the spill files of live objects (exact).</summary>
    public required long SpilledBytes { get; init; }

    /// <summary>The spill limit (<see cref="RayOptions.ObjectSpillingMaxBytes"/>), or null when only the disk limits it.</summary>
    public required long? SpillCapacityBytes { get; init; }

    /// <summary>Live tracked objects in memory.</summary>
    public required int ObjectsInMemory { get; init; }

    /// <summary>Live tracked objects on disk.</summary>
    public required int ObjectsSpilled { get; init; }

    /// <summary>Spills since the runtime started.</summary>
    public required long SpillCount { get; init; }

    /// <summary>Restores from disk since the runtime started.</summary>
    public required long RestoreCount { get; init; }

    /// <summary>Times a task result or a restored object was kept in memory over the cap because nothing more could be spilled.</summary>
    public required long Overcommits { get; init; }

    /// <summary>Objects at most this size are kept inline: not counted, spilled or listed (<see cref="RayOptions.InlineObjectMaxBytes"/>).</summary>
    public required long InlineObjectMaxBytes { get; init; }

    /// <summary>This runtime's spill directory (created on the first spill, deleted at shutdown).</summary>
    public required string SpillDirectory { get; init; }
}
