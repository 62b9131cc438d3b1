using System;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Objects;

/// <summary>
/// Blocks a thread until entries complete: spins briefly, then sleeps on an event. Inside a task the sleep also ends
/// when the task is interrupted (<see cref="Interruption"/>), with the task's <see cref="TaskCancelledException"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A ManualResetEventSlim that is never asked for its WaitHandle holds no kernel object; one is made per wait and dropped.")]
internal sealed class BlockingWait : IObjectWaiter
{
    private const int SpinIterations = 40;

#if COYOTE
    // The Coyote build parks on a SemaphoreSlim, which Coyote's rewriting controls (it does not control
    // ManualResetEventSlim): a blocking Get or Wait then is a wait its scheduler can pause and resume (RuntimeLock.cs).
    private readonly SemaphoreSlim _signal = new(0);
#else
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 1);
#endif

    /// <summary>Registered entries not complete yet, plus one while registering.</summary>
    private int _pending = 1;

    /// <summary>Waits until <paramref name="entry"/> completes or the timeout passes; true when it completed.</summary>
    /// <param name="entry">The entry to wait for.</param>
    /// <param name="timeout">The timeout; <see cref="Timeout.InfiniteTimeSpan"/> waits forever, zero only polls.</param>
    public static bool Wait(ObjectRef entry, TimeSpan timeout)
    {
        if (entry.IsCompleted)
        {
            return true;
        }

        if (timeout == TimeSpan.Zero)
        {
            entry.Demand();
            return false;
        }

        var context = BlockingScope.Current;
        Interruption.ThrowIfInterrupted(context);

        // A plain thread runs the producer only when it would wait forever anyway: a task run inline cannot time out.
        var ranInline = context is not null
            ? context.TryRunProducerInline(entry)
            : timeout == Timeout.InfiniteTimeSpan && entry.Producer is { } producer && producer.TryRunOnWaitingThread();
        if (ranInline && entry.IsCompleted)
        {
            return true;
        }

        if (!Spin(entry))
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
            if (wait._signal.Wait(timeout, Interruption.TokenOf(context)))
            {
                return true;
            }

            entry.Unregister(wait);
            return entry.IsCompleted;
        }
        catch (OperationCanceledException)
        {
            entry.Unregister(wait);
            throw context!.InterruptedError();
        }
        finally
        {
            context?.EndBlocking();
        }
    }

    /// <summary>
    /// On a thread that runs no task, waits once for the refs from <paramref name="start"/> on, instead of once per
    /// ref: returns when all of them completed, one failed, or the timeout passed. The caller then reads them in
    /// order, and a ref still pending gets the per-ref wait, which reports timeouts and errors. Inside a task it
    /// returns at once, so the per-ref wait can run producers inline and lend the task's CPU.
    /// </summary>
    public static void WaitForAll<T>(IReadOnlyList<ObjectRef<T>> refs, int start, TimeSpan timeout)
    {
        // Spinning on the last ref first: when it finishes soon, the others (submitted earlier) usually have too.
        if (timeout == TimeSpan.Zero || BlockingScope.Current is not null || refs[^1] is not { } last || !Spin(last))
        {
            return;
        }

        var wait = new BlockingWait();
        for (var i = start; i < refs.Count; i++)
        {
            var entry = (ObjectRef?)refs[i];
            if (entry is null || entry.IsFaulted)
            {
                break;
            }

            Interlocked.Increment(ref wait._pending);
            if (!entry.TryRegister(wait))
            {
                wait.OnCompleted(entry);
            }
        }

        wait.OnCompleted(null);
        if (!wait._signal.Wait(timeout))
        {
            for (var i = start; i < refs.Count && refs[i] is { } reference; i++)
            {
                reference.Unregister(wait);
            }
        }
    }

    void IObjectWaiter.OnObjectCompleted(ObjectRef entry, int token) => OnCompleted(entry);

    /// <summary>Spins briefly while <paramref name="entry"/> is pending; true when it still is.</summary>
    private static bool Spin(ObjectRef entry)
    {
        var spinner = default(SpinWait);
        for (var i = 0; i < SpinIterations && !entry.IsCompleted; i++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return !entry.IsCompleted;
    }

    /// <summary>One registered entry completed (null: registering ended); wakes the waiter when none is left or one failed.</summary>
    private void OnCompleted(ObjectRef? entry)
    {
        if (entry is { IsFaulted: true } || Interlocked.Decrement(ref _pending) == 0)
        {
#if COYOTE
            _signal.Release();
#else
            _signal.Set();
#endif
        }
    }
}
