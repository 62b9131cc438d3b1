using System.Collections.Generic;
using System.Threading;
using RaySharp.Scheduling;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// One node's resources as this node sees them: the node's total, and the demand of the tasks this node placed there
/// that have not ended. The placement decision reads it; the node's own scheduler still does the real accounting.
/// </summary>
internal sealed class ResourceLedger(ResourceRequest capacity)
{
    private readonly Dictionary<string, long> _custom = [];
    private long _cpu;
    private int _tasks;

    public ResourceRequest Capacity { get; } = capacity;

    /// <summary>The tasks this node placed there that have not ended.</summary>
    public int Tasks => Volatile.Read(ref _tasks);

    /// <summary>True when <paramref name="request"/> fits the node's total, so it can run there some day.</summary>
    public bool CanEverFit(ResourceRequest request) => request.FitsWithin(Capacity);

    /// <summary>True when <paramref name="request"/> fits beside the demand already placed.</summary>
    public bool FitsNow(ResourceRequest request)
    {
        lock (_custom)
        {
            if (_cpu + request.CpuUnits > Capacity.CpuUnits)
            {
                return false;
            }

            foreach (var (name, units) in request.Custom)
            {
                if (_custom.GetValueOrDefault(name) + units > Capacity.UnitsOf(name))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The placed CPU demand over the node's CPUs (above 1 when tasks queue there): lower means less busy.</summary>
    public double Load
    {
        get
        {
            lock (_custom)
            {
                return Capacity.CpuUnits == 0 ? _cpu : (double)_cpu / Capacity.CpuUnits;
            }
        }
    }

    public void Add(ResourceRequest request) => Change(request, 1);

    public void Remove(ResourceRequest request) => Change(request, -1);

    /// <summary>What is not placed yet, as resource name → amount (CPU included).</summary>
    public Dictionary<string, double> Free()
    {
        var free = Capacity.ToDictionary();
        lock (_custom)
        {
            free[ResourceRequest.Cpu] -= ResourceRequest.ToAmount(_cpu);
            foreach (var (name, units) in _custom)
            {
                free[name] -= ResourceRequest.ToAmount(units);
            }
        }

        return free;
    }

    private void Change(ResourceRequest request, int sign)
    {
        lock (_custom)
        {
            _tasks += sign;
            _cpu += sign * request.CpuUnits;
            foreach (var (name, units) in request.Custom)
            {
                _custom[name] = _custom.GetValueOrDefault(name) + (sign * units);
            }
        }
    }
}
