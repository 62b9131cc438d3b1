using System;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Keeps tasks that sleep or block from starving the .NET thread pool. Tasks run on the pool, whose own thread
/// injection is slow (about one thread per half second when starved). A background monitor checks every few
/// milliseconds: when work the schedulers handed to the pool is waiting and no item has started lately, every pool
/// thread is busy (sleeping tasks), so it raises the pool's minimum by the number waiting and the pool makes
/// those threads at once. Short tasks keep starting, so they never raise it. Each backend has its own budget, which
/// counts only its own work items; the pool's minimum they raise is process-wide, only grows, and never passes
/// <see cref="MaxThreads"/>. Disposing the budget stops its monitor.
/// </summary>
internal sealed class ThreadBudget : IDisposable
{
    /// <summary>The most threads the budget asks for; work beyond it waits in the pool.</summary>
    public const int MaxThreads = 1024;

    private const int CheckMilliseconds = 5;

    /// <summary>Stripes of the queued count (a power of two): each thread counts in its own, so submitters and workers do not share a line.</summary>
    private const int Stripes = 16;

    private readonly Lock _lock = new();
    private readonly PaddedCounter[] _queued = new PaddedCounter[Stripes];
    private long _lastStart;
    private Thread? _monitor;
    private volatile bool _disposed;

    /// <summary>A work item was handed to the pool.</summary>
    public void Dispatched()
    {
        Interlocked.Increment(ref _queued[Stripe()].Value);
        if (_monitor is null)
        {
            StartMonitor();
        }
    }

    /// <summary>A work item handed to the pool has started.</summary>
    public void Started()
    {
        Interlocked.Decrement(ref _queued[Stripe()].Value);
        var now = Environment.TickCount64;
        if (Volatile.Read(ref _lastStart) != now)
        {
            Volatile.Write(ref _lastStart, now);
        }
    }

    /// <summary>Stops the monitor (within one check period).</summary>
    public void Dispose() => _disposed = true;

    private static int Stripe() => Environment.CurrentManagedThreadId & (Stripes - 1);

    /// <summary>Work items handed to the pool and not started, summed over the stripes (a moment's estimate).</summary>
    public int Queued()
    {
        long sum = 0;
        for (var i = 0; i < Stripes; i++)
        {
            sum += Volatile.Read(ref _queued[i].Value);
        }

        return (int)sum;
    }

    private void StartMonitor()
    {
        lock (_lock)
        {
            if (_monitor is not null || _disposed || WorkQueue.Override is not null)
            {
                return; // routed work (a systematic-testing harness) does not wait in the pool's queue; no monitor thread
            }

            _monitor = new Thread(Monitor) { IsBackground = true, Name = "RaySharp thread budget" };
            _monitor.Start();
        }
    }

    private void Monitor()
    {
        while (!_disposed)
        {
            Thread.Sleep(CheckMilliseconds);
            var queued = Queued();
            if (queued <= 0 || Environment.TickCount64 - Volatile.Read(ref _lastStart) < CheckMilliseconds)
            {
                continue;
            }

            ThreadPool.GetMinThreads(out var minimum, out var io);
            var target = Math.Min(MaxThreads, Math.Max(minimum, ThreadPool.ThreadCount) + queued);
            if (target > minimum)
            {
                ThreadPool.SetMinThreads(target, io);
            }
        }
    }
}
