using System;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Keeps the .NET thread pool's minimum at least as large as the number of tasks the schedulers have let run,
/// so that tasks which sleep or block do not wait for the pool's slow thread injection. Process-wide, since the
/// pool is. The minimum only grows, and never past <see cref="MaxThreads"/>.
/// </summary>
internal static class ThreadBudget
{
    /// <summary>The most threads the budget asks for; zero-CPU tasks beyond it queue in the pool.</summary>
    public const int MaxThreads = 1024;

    private static readonly Lock s_lock = new();
    private static int s_active;
    private static int s_minimum = ReadMinimum();

    /// <summary>A task was handed to the pool; it counts until its work item returns, blocked or not.</summary>
    public static void Enter()
    {
        var active = Interlocked.Increment(ref s_active);
        if (active > Volatile.Read(ref s_minimum))
        {
            Grow(active);
        }
    }

    /// <summary>A task's pool work item returned.</summary>
    public static void Leave() => Interlocked.Decrement(ref s_active);

    private static void Grow(int active)
    {
        lock (s_lock)
        {
            if (active <= s_minimum || s_minimum >= MaxThreads)
            {
                return;
            }

            var target = Math.Min(MaxThreads, Math.Max(active + Environment.ProcessorCount, s_minimum * 3 / 2));
            ThreadPool.GetMinThreads(out _, out var io);
            if (ThreadPool.SetMinThreads(target, io))
            {
                Volatile.Write(ref s_minimum, target);
            }
        }
    }

    private static int ReadMinimum()
    {
        ThreadPool.GetMinThreads(out var worker, out _);
        return worker;
    }
}
