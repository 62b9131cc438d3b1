using System;
using System.Collections.Generic;

namespace RaySharp;

/// <summary>How a runtime starts, as the arguments of Ray's <c>ray.init()</c>.</summary>
public sealed class RayOptions
{
    /// <summary>CPUs the scheduler hands out; fractions allowed. Default: <see cref="Environment.ProcessorCount"/>. May exceed the machine's cores, as in Ray.</summary>
    public double? NumCpus { get; init; }

    /// <summary>GPUs the scheduler hands out. Default 0.</summary>
    public double NumGpus { get; init; }

    /// <summary>Custom resources (name → amount, fractions allowed) that tasks can ask for.</summary>
    public IReadOnlyDictionary<string, double>? Resources { get; init; }

    /// <summary>The most bytes the object store may hold in memory. Default: 30% of physical memory, as in Ray. Accepted now; enforced once the store accounts sizes.</summary>
    public long? ObjectStoreMemory { get; init; }

    /// <summary>When true, <see cref="Ray.Init"/> on a running runtime returns it instead of throwing (Ray's <c>ignore_reinit_error</c>).</summary>
    public bool IgnoreReinitError { get; init; }

    internal ResourceRequest Capacity()
    {
        var custom = new Dictionary<string, double>(Resources ?? new Dictionary<string, double>());
        if (NumGpus != 0)
        {
            custom[ResourceRequest.Gpu] = NumGpus;
        }

        return ResourceRequest.Create(NumCpus ?? Environment.ProcessorCount, custom, "RayOptions resource");
    }

    internal long ObjectStoreBytes()
    {
        if (ObjectStoreMemory is { } bytes)
        {
            return bytes > 0 ? bytes : throw new ArgumentException($"RayOptions.ObjectStoreMemory must be positive, not {bytes}.");
        }

        return (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.3);
    }
}
