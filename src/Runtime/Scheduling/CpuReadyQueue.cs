using System.Collections.Concurrent;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Ready tasks of one CPU-only shape (one CPU, the default) waiting for CPU, without a lock: submitters add and
/// finishing workers take concurrently. A taker first acquires the CPU, then claims a task by decrementing the
/// count of unclaimed tasks, so a claim always finds a task to dequeue.
/// </summary>
/// <remarks>
/// No wake-up is lost: a submitter adds (and counts) its task before it tries to acquire CPU, and whoever releases
/// CPU looks at the count afterwards; both steps are interlocked, so at least one of them sees the other.
/// </remarks>
internal sealed class CpuReadyQueue(long cpuUnits)
{
    private readonly ConcurrentQueue<LocalTask> _tasks = new();
    private int _unclaimed;

    /// <summary>The CPU units every task in this queue asks for.</summary>
    public long CpuUnits { get; } = cpuUnits;

    public bool IsEmpty => Volatile.Read(ref _unclaimed) == 0;

    /// <summary>True when <paramref name="request"/> is this queue's shape.</summary>
    public bool Fits(ResourceRequest request) => request.IsCpuOnly && request.CpuUnits == CpuUnits;

    public void Add(LocalTask task)
    {
        _tasks.Enqueue(task);
        Interlocked.Increment(ref _unclaimed);
    }

    /// <summary>The oldest task, with its CPU acquired from <paramref name="pool"/>; null when none waits or no CPU is free.</summary>
    public LocalTask? TryTake(ResourcePool pool)
    {
        while (Volatile.Read(ref _unclaimed) > 0)
        {
            if (!pool.TryAcquireCpu(CpuUnits))
            {
                return null;
            }

            var unclaimed = Volatile.Read(ref _unclaimed);
            if (unclaimed > 0 && Interlocked.CompareExchange(ref _unclaimed, unclaimed - 1, unclaimed) == unclaimed)
            {
                // Every counted task was enqueued before it was counted, so the dequeue succeeds.
                LocalTask? task;
                var spinner = default(SpinWait);
                while (!_tasks.TryDequeue(out task))
                {
                    spinner.SpinOnce();
                }

                return task;
            }

            // Another taker claimed it first: give the CPU back and look again.
            pool.ReleaseCpu(CpuUnits);
        }

        return null;
    }

    /// <summary>Forgets the waiting tasks (shutdown fails them); claims in progress still find theirs.</summary>
    public void Close() => Interlocked.Exchange(ref _unclaimed, 0);
}
