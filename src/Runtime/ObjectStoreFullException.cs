using System;

namespace RaySharp;

/// <summary>
/// <see cref="Ray.Put{T}"/> could not store an object: memory is at <see cref="RayOptions.ObjectStoreMemory"/> and
/// nothing more can be spilled to disk (Ray's <c>ObjectStoreFullError</c>). Nothing was stored, nothing already stored
/// was lost, and the runtime stays usable: drop refs or raise the limits, then put again.
/// </summary>
public sealed class ObjectStoreFullException : Exception
{
    /// <summary>Creates the exception with a message holding the figures.</summary>
    public ObjectStoreFullException(string message, long objectBytes, long usedBytes, long capacityBytes, long spilledBytes, long? spillCapacityBytes)
        : base(message)
    {
        ObjectBytes = objectBytes;
        UsedBytes = usedBytes;
        CapacityBytes = capacityBytes;
        SpilledBytes = spilledBytes;
        SpillCapacityBytes = spillCapacityBytes;
    }

    /// <summary>The size of the object that did not fit.</summary>
    public long ObjectBytes { get; }

    /// <summary>Bytes in memory when the put failed.</summary>
    public long UsedBytes { get; }

    /// <summary>The memory cap.</summary>
    public long CapacityBytes { get; }

    /// <summary>Bytes spilled to disk when the put failed.</summary>
    public long SpilledBytes { get; }

    /// <summary>The spill limit, or null for none.</summary>
    public long? SpillCapacityBytes { get; }
}
