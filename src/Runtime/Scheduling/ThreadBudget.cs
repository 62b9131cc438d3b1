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

    private static readonly Lock s_lock = new();
    private static int s_queued;
    private static long s_lastStart;
    private static Thread? s_monitor;

    /// <summary>A work item was handed to the pool.</summary>
    public static void Dispatched()
    {
        Interlocked.Increment(ref s_queued);
        if (s_monitor is null)
        {
            StartMonitor();
        }
    }

    /// <summary>A work item handed to the pool has started.</summary>
    public static void Started()
    {
        Interlocked.Decrement(ref s_queued);
        Volatile.Write(ref s_lastStart, Environment.TickCount64);
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
            var queued = Volatile.Read(ref s_queued);
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
