using System.Collections.Concurrent;
using System.Collections.Generic;

namespace RaySharp.Scheduling;

/// <summary>
/// Ready tasks of one CPU-only shape (one CPU, the default) waiting for CPU, without a lock: submitters add and
/// finishing workers take concurrently. A worker that finishes a task of this shape takes the next one with the CPU
/// it already holds (<see cref="TryTakeWithHeldCpu"/>), so in a steady stream neither side writes the pool's CPU
/// counter and submitters read it from their own cache.
/// </summary>
/// <remarks>
/// No wake-up is lost: a submitter adds its task before it tries to acquire CPU, and whoever releases CPU looks at
/// the queue afterwards; both steps are interlocked, so at least one of them sees the other.
/// </remarks>
internal sealed class CpuReadyQueue(long cpuUnits)
{
    private readonly ConcurrentQueue<LocalTask> _tasks = new();

    /// <summary>The CPU units every task in this queue asks for.</summary>
    public long CpuUnits { get; } = cpuUnits;

    /// <summary>True when <paramref name="request"/> is this queue's shape.</summary>
    public bool Fits(ResourceRequest request) => request.IsCpuOnly && request.CpuUnits == CpuUnits;

    public bool IsEmpty => _tasks.IsEmpty;

    public void Add(LocalTask task) => _tasks.Enqueue(task);

    /// <summary>The oldest task, with its CPU acquired from <paramref name="pool"/>; null when none waits or no CPU is free.</summary>
    /// <remarks>CPU first: while it is all taken, a submitter returns after one read of the pool's counter.</remarks>
    public LocalTask? TryTake(ResourcePool pool)
    {
        while (pool.TryAcquireCpu(CpuUnits))
        {
            if (_tasks.TryDequeue(out var task))
            {
                return task;
            }

            // Nothing waits (or another taker got it first): give the CPU back, then look once more.
            pool.ReleaseCpu(CpuUnits);
            if (_tasks.IsEmpty)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The oldest task, to run on CPU the caller already holds; null when none waits.</summary>
    public LocalTask? TryTakeWithHeldCpu() => _tasks.TryDequeue(out var task) ? task : null;

    /// <summary>Takes out every waiting task (shutdown fails them).</summary>
    public List<LocalTask> TakeAll()
    {
        var tasks = new List<LocalTask>();
        while (_tasks.TryDequeue(out var task))
        {
            tasks.Add(task);
        }

        return tasks;
    }
}
