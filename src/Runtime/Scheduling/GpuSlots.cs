using System;
using System.Collections.Generic;

namespace RaySharp.Scheduling;

/// <summary>
/// The runtime's GPUs as numbered units 0..n-1, as Ray's per-instance accounting of a node's GPUs: a request of one
/// or more GPUs takes that many whole, free GPUs (lowest numbers first); a fractional request (below 1) shares one
/// GPU with other fractional requests, the first one with room. Not thread-safe: <see cref="ResourcePool"/> calls it
/// under its lock.
/// </summary>
internal sealed class GpuSlots
{
    /// <summary>Free units of each GPU; the last one holds the remainder of a fractional capacity.</summary>
    private readonly long[] _free;
    private readonly long[] _size;

    public GpuSlots(long capacityUnits)
    {
        var count = (int)((capacityUnits + ResourceRequest.UnitsPerResource - 1) / ResourceRequest.UnitsPerResource);
        _free = new long[count];
        _size = new long[count];
        for (var i = 0; i < count; i++)
        {
            _size[i] = Math.Min(ResourceRequest.UnitsPerResource, capacityUnits - (i * ResourceRequest.UnitsPerResource));
            _free[i] = _size[i];
        }
    }

    /// <summary>Finds GPUs for <paramref name="units"/> and takes them; null when they are not free (the total may be, split over GPUs).</summary>
    public int[]? TryTake(long units)
    {
        if (units < ResourceRequest.UnitsPerResource)
        {
            for (var i = 0; i < _free.Length; i++)
            {
                if (_free[i] >= units)
                {
                    _free[i] -= units;
                    return [i];
                }
            }

            return null;
        }

        var wanted = (int)(units / ResourceRequest.UnitsPerResource);
        var taken = new List<int>(wanted);
        for (var i = 0; i < _free.Length && taken.Count < wanted; i++)
        {
            if (_free[i] == ResourceRequest.UnitsPerResource)
            {
                taken.Add(i);
            }
        }

        if (taken.Count < wanted)
        {
            return null;
        }

        foreach (var i in taken)
        {
            _free[i] = 0;
        }

        return [.. taken];
    }

    /// <summary>Gives back what <see cref="TryTake"/> returned for <paramref name="units"/>.</summary>
    public void Give(int[] ids, long units)
    {
        var each = ids.Length == 1 ? units : ResourceRequest.UnitsPerResource;
        foreach (var i in ids)
        {
            _free[i] = Math.Min(_size[i], _free[i] + each);
        }
    }
}
