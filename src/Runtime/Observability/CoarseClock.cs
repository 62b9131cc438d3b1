using System.Diagnostics;
using System.Threading;

namespace RaySharp.Observability;

/// <summary>
/// Stopwatch ticks refreshed about every millisecond by one background thread, so a task event reads the time for the
/// cost of a field read instead of a clock call (30–40 ns on a VM's clock). The thread parks after 100 ms in which no
/// one read the time, and the next read wakes it (that read takes the precise clock once).
/// </summary>
internal static class CoarseClock
{
    /// <summary>Ticks (of about 1 ms) without a read after which the thread parks.</summary>
    private const int IdleTicks = 100;

    /// <summary><see cref="s_idle"/>'s value while the thread is parked (or not started yet).</summary>
    private const int Parked = -1;

    private static readonly SemaphoreSlim Wake = new(0);
    private static long s_now;
    private static int s_idle = Parked;
    private static Thread? s_thread;

    /// <summary>The time in Stopwatch ticks, at most about a millisecond old.</summary>
    public static long Now
    {
        get
        {
            // A read resets the idle count; it writes only when the ticker counted since, so about once per millisecond.
            return Volatile.Read(ref s_idle) == 0 ? Volatile.Read(ref s_now) : Touch();
        }
    }

    private static long Touch()
    {
        if (Interlocked.Exchange(ref s_idle, 0) != Parked)
        {
            return Volatile.Read(ref s_now);
        }

        // The ticker is parked (or never ran): this read refreshes the time itself, then wakes it.
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref s_now, now);
        // Only the one read that found it parked gets here, so the thread starts once.
        if (s_thread is null)
        {
            s_thread = new Thread(Tick) { IsBackground = true, Name = "RaySharp clock" };
            s_thread.Start();
        }
        else
        {
            Wake.Release();
        }

        return now;
    }

    private static void Tick()
    {
        while (true)
        {
            Thread.Sleep(1);
            Volatile.Write(ref s_now, Stopwatch.GetTimestamp());
            var idle = Interlocked.Increment(ref s_idle);
            if (idle >= IdleTicks && Interlocked.CompareExchange(ref s_idle, Parked, idle) == idle)
            {
                Wake.Wait();
            }
        }
    }
}
