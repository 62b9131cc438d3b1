using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// The runtime's resources: total capacity and what is free. CPU is a lock-free counter; custom resources
/// change under a small lock. Availability may go below zero while a blocked task takes its CPU back, as in Ray.
/// </summary>
internal sealed class ResourcePool
{
    private readonly Dictionary<string, long> _customAvailable;
    /// <summary>Which GPU numbers are free, beside the GPU total in <see cref="_customAvailable"/>; null without GPUs. Guarded by the same lock.</summary>
    private readonly GpuSlots? _gpus;
    /// <summary>Free CPU units; padded, because finishing workers write it while submitters read <see cref="Capacity"/> beside it.</summary>
    private PaddedCounter _cpuAvailable;

    public ResourcePool(ResourceRequest capacity)
    {
        Capacity = capacity;
        _cpuAvailable.Value = capacity.CpuUnits;
        _customAvailable = new Dictionary<string, long>();
        foreach (var (name, units) in capacity.Custom)
        {
            _customAvailable[name] = units;
        }

        var gpuUnits = capacity.UnitsOf(ResourceRequest.Gpu);
        _gpus = gpuUnits > 0 ? new GpuSlots(gpuUnits) : null;
    }

    public ResourceRequest Capacity { get; }

    /// <summary>Free CPU units now (below zero while blocked tasks take their CPUs back).</summary>
    public long CpuAvailableUnits => Volatile.Read(ref _cpuAvailable.Value);

    /// <summary>True when the whole runtime could ever run <paramref name="request"/>.</summary>
    public bool CanEverFit(ResourceRequest request) => request.FitsWithin(Capacity);

    public bool TryAcquireCpu(long units)
    {
        if (units == 0)
        {
            return true;
        }

        var available = Volatile.Read(ref _cpuAvailable.Value);
        while (available >= units)
        {
            var seen = Interlocked.CompareExchange(ref _cpuAvailable.Value, available - units, available);
            if (seen == available)
            {
                return true;
            }

            available = seen;
        }

        return false;
    }

    /// <summary>Takes CPU even when that drives availability below zero (a blocked task resuming).</summary>
    public void ForceAcquireCpu(long units) => Interlocked.Add(ref _cpuAvailable.Value, -units);

    public void ReleaseCpu(long units) => Interlocked.Add(ref _cpuAvailable.Value, units);

    /// <summary>Acquires all of <paramref name="request"/> or nothing; <paramref name="gpuIds"/> gets the GPU numbers it holds (null without GPUs).</summary>
    public bool TryAcquire(ResourceRequest request, out int[]? gpuIds)
    {
        gpuIds = null;
        if (request.IsCpuOnly)
        {
            return TryAcquireCpu(request.CpuUnits);
        }

        lock (_customAvailable)
        {
            foreach (var (name, units) in request.Custom)
            {
                if (_customAvailable.GetValueOrDefault(name) < units)
                {
                    return false;
                }
            }

            var gpuUnits = request.UnitsOf(ResourceRequest.Gpu);
            if (gpuUnits > 0 && _gpus is not null && (gpuIds = _gpus.TryTake(gpuUnits)) is null)
            {
                // Enough GPU in total, but split over GPUs: a whole-GPU request waits for whole free GPUs.
                return false;
            }

            if (!TryAcquireCpu(request.CpuUnits))
            {
                if (gpuIds is not null)
                {
                    _gpus!.Give(gpuIds, gpuUnits);
                    gpuIds = null;
                }

                return false;
            }

            foreach (var (name, units) in request.Custom)
            {
                _customAvailable[name] -= units;
            }

            return true;
        }
    }

    /// <summary>Gives back everything but <paramref name="cpuAlreadyReleased"/> CPU units, and the GPU numbers <paramref name="gpuIds"/> held.</summary>
    public void Release(ResourceRequest request, long cpuAlreadyReleased = 0, int[]? gpuIds = null)
    {
        if (!request.IsCpuOnly)
        {
            lock (_customAvailable)
            {
                foreach (var (name, units) in request.Custom)
                {
                    _customAvailable[name] += units;
                }

                if (gpuIds is not null)
                {
                    _gpus?.Give(gpuIds, request.UnitsOf(ResourceRequest.Gpu));
                }
            }
        }

        ReleaseCpu(request.CpuUnits - cpuAlreadyReleased);
    }

    /// <summary>Whether the custom resources of <paramref name="request"/> (CPU apart) are all free now; reads them without allocating.</summary>
    public bool CustomFitsNow(ResourceRequest request)
    {
        lock (_customAvailable)
        {
            foreach (var (name, units) in request.Custom)
            {
                if (_customAvailable.GetValueOrDefault(name) < units)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>What is free now, as resource name → amount.</summary>
    public Dictionary<string, double> Available()
    {
        var result = new Dictionary<string, double> { [ResourceRequest.Cpu] = ResourceRequest.ToAmount(Volatile.Read(ref _cpuAvailable.Value)) };
        lock (_customAvailable)
        {
            foreach (var (name, units) in _customAvailable)
            {
                result[name] = ResourceRequest.ToAmount(units);
            }
        }

        return result;
    }
}
