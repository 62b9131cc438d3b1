using System;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Keeps tasks that sleep or block from starving the .NET thread pool. Tasks run on the pool, whose own thread
/// injection is slow (about one thread per half second when starved). A background monitor checks every few
/// milliseconds: when work the schedulers handed to the pool is waiting and no item has started lately, every pool
/// thread is busy (sleeping tasks), so it raises the pool's minimum by the number waiting and the pool makes
/// those threads at once. Short tasks keep starting, so they never raise it. Process-wide, as the pool is;
/// the minimum only grows, and never past <see cref="MaxThreads"/>.
/// </summary>
internal static class ThreadBudget
{
    /// <summary>The most threads the budget asks for; work beyond it waits in the pool.</summary>
    public const int MaxThreads = 1024;

    private const int CheckMilliseconds = 5;

    /// <summary>Stripes of the queued count (a power of two): each thread counts in its own, so submitters and workers do not share a line.</summary>
    private const int Stripes = 16;

    private static readonly Lock s_lock = new();
    private static readonly PaddedCounter[] s_queued = new PaddedCounter[Stripes];
    private static long s_lastStart;
    private static Thread? s_monitor;

    /// <summary>A work item was handed to the pool.</summary>
    public static void Dispatched()
    {
        Interlocked.Increment(ref s_queued[Stripe()].Value);
        if (s_monitor is null)
        {
            StartMonitor();
        }
    }

    /// <summary>A work item handed to the pool has started.</summary>
    public static void Started()
    {
        Interlocked.Decrement(ref s_queued[Stripe()].Value);
        var now = Environment.TickCount64;
        if (Volatile.Read(ref s_lastStart) != now)
        {
            Volatile.Write(ref s_lastStart, now);
        }
    }

    private static int Stripe() => Environment.CurrentManagedThreadId & (Stripes - 1);

    /// <summary>Work items handed to the pool and not started, summed over the stripes (a moment's estimate).</summary>
    private static int Queued()
    {
        long sum = 0;
        for (var i = 0; i < Stripes; i++)
        {
            sum += Volatile.Read(ref s_queued[i].Value);
        }

        return (int)sum;
    }

    private static void StartMonitor()
    {
        lock (s_lock)
        {
            if (s_monitor is not null)
            {
                return;
            }

            s_monitor = new Thread(Monitor) { IsBackground = true, Name = "RaySharp thread budget" };
            s_monitor.Start();
        }
    }

    private static void Monitor()
    {
        while (true)
        {
            Thread.Sleep(CheckMilliseconds);
            var queued = Queued();
            if (queued <= 0 || Environment.TickCount64 - Volatile.Read(ref s_lastStart) < CheckMilliseconds)
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
