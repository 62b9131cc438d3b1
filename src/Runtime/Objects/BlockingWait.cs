using System;
using System.Threading;

namespace RaySharp.Objects;

/// <summary>Blocks a thread until entries complete: spins briefly, then sleeps on an event.</summary>
internal sealed class BlockingWait : IObjectWaiter
{
    private const int SpinIterations = 40;

    private readonly ManualResetEventSlim _signal = new(false, spinCount: 1);

    /// <summary>Waits until <paramref name="entry"/> completes or the timeout passes; true when it completed.</summary>
    /// <param name="entry">The entry to wait for.</param>
    /// <param name="timeout">The timeout; <see cref="Timeout.InfiniteTimeSpan"/> waits forever, zero only polls.</param>
    public static bool Wait(ObjectEntry entry, TimeSpan timeout)
    {
        if (entry.IsCompleted)
        {
            return true;
        }

        if (timeout == TimeSpan.Zero)
        {
            return false;
        }

        var context = BlockingScope.Current;
        if (context is not null && context.TryRunProducerInline(entry) && entry.IsCompleted)
        {
            return true;
        }

        var spinner = default(SpinWait);
        for (var i = 0; i < SpinIterations && !entry.IsCompleted; i++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        if (entry.IsCompleted)
        {
            return true;
        }

        var wait = new BlockingWait();
        if (!entry.TryRegister(wait))
        {
            return true;
        }

        context?.BeginBlocking();
        try
        {
            if (wait._signal.Wait(timeout))
            {
                return true;
            }

            entry.Unregister(wait);
            return entry.IsCompleted;
        }
        finally
        {
            context?.EndBlocking();
        }
    }

    void IObjectWaiter.OnObjectCompleted(ObjectEntry entry, int token) => _signal.Set();
}
