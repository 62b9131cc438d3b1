using System;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Objects;

/// <summary>
/// The one place blocking calls learn that the task they run in was cancelled (<see cref="IBlockingContext.IsInterrupted"/>):
/// they check before they block and observe <see cref="IBlockingContext.Interruption"/> while they block, then throw
/// the task's <see cref="TaskCancelledException"/>. Code outside a task is never interrupted.
/// </summary>
internal static class Interruption
{
    /// <summary>Throws the task's cancellation when <paramref name="context"/> is interrupted.</summary>
    public static void ThrowIfInterrupted(IBlockingContext? context)
    {
        if (context is { IsInterrupted: true })
        {
            throw context.InterruptedError();
        }
    }

    /// <summary>
    /// In an awaiter's <c>GetResult</c>: an await that resumed because its task was interrupted throws the task's
    /// cancellation, even if the object completed meanwhile (or, a pending object read by hand, says so).
    /// </summary>
    public static void ThrowIfResumedEarly(ObjectRef entry)
    {
        if (ContinuationWaiter.TakeInterruptedResume() is { } interrupted)
        {
            throw interrupted.InterruptedError();
        }

        if (!entry.IsCompleted)
        {
            throw BlockingScope.Current is { IsInterrupted: true } context
                ? context.InterruptedError()
                : new InvalidOperationException($"GetResult was called on the awaiter of {entry.Id} before the object was ready; await the ref instead.");
        }
    }

    /// <summary>The token that interrupts waits of <paramref name="context"/>; none outside a task.</summary>
    public static CancellationToken TokenOf(IBlockingContext? context) => context?.Interruption ?? default;

    /// <summary>
    /// Blocks on <paramref name="task"/> (which the caller knows is pending) for the running task: gives its CPU back
    /// meanwhile, and throws the task's cancellation when it is interrupted first.
    /// </summary>
    public static void Block(Task task)
    {
        var context = BlockingScope.Current;
        ThrowIfInterrupted(context);
        context?.BeginBlocking();
        try
        {
            task.Wait(TokenOf(context));
        }
        catch (OperationCanceledException) when (context is { IsInterrupted: true })
        {
            throw context.InterruptedError();
        }
        finally
        {
            context?.EndBlocking();
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> without a thread until it completes, <paramref name="cancellationToken"/> is
    /// cancelled (<see cref="OperationCanceledException"/>), or the running task is interrupted (its
    /// <see cref="TaskCancelledException"/>). An async task gives its CPU back meanwhile, as it does awaiting a ref.
    /// </summary>
    public static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        var context = BlockingScope.Current;
        ThrowIfInterrupted(context);
        var interruption = TokenOf(context);
        using var linked = interruption.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption) : null;
        var flowing = BlockingScope.Flowing;
        flowing?.BeginBlocking();
        try
        {
            await task.WaitAsync(linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context is { IsInterrupted: true } && !cancellationToken.IsCancellationRequested)
        {
            throw context.InterruptedError();
        }
        finally
        {
            flowing?.EndBlocking();
        }
    }
}
