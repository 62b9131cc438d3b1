using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Objects;

/// <summary>Bridges entries to <see cref="Task"/> for waits that take a cancellation token.</summary>
internal static class EntryTasks
{
    /// <summary>
    /// A task that completes when <paramref name="entry"/> completes (whatever its outcome), is cancelled by the token,
    /// or, inside a task that gets interrupted (<see cref="Interruption"/>), fails with the task's cancellation.
    /// </summary>
    public static Task WhenCompleted(ObjectRef entry, CancellationToken cancellationToken)
    {
        if (entry.IsCompleted)
        {
            return Task.CompletedTask;
        }

        var context = BlockingScope.Current;
        if (context is { IsInterrupted: true })
        {
            return Task.FromException(context.InterruptedError());
        }

        // Like an await on a ref, an async task gives its CPU back until the wait ends, however it ends.
        var waiter = new TaskWaiter(BlockingScope.Flowing);
        waiter.Blocking?.BeginBlocking();
        if (!entry.TryRegister(waiter))
        {
            waiter.EndWait();
            return Task.CompletedTask;
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static (state, token) =>
            {
                var (w, e) = ((TaskWaiter, ObjectRef))state!;
                e.Unregister(w);
                w.EndWait();
                w.TrySetCanceled(token);
            }, (waiter, entry));
        }

        var interruption = Interruption.TokenOf(context);
        if (interruption.CanBeCanceled)
        {
            waiter.Interruption = interruption.UnsafeRegister(static state =>
            {
                var (w, e, c) = ((TaskWaiter, ObjectRef, IBlockingContext))state!;
                e.Unregister(w);
                w.EndWait();
                w.TrySetException(c.InterruptedError());
            }, (waiter, entry, context!));
        }

        return waiter.Task;
    }

    private sealed class TaskWaiter(IBlockingContext? blocking) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), IObjectWaiter
    {
        private int _ended;

        /// <summary>The async task that waits, which lends its CPU while it does.</summary>
        public IBlockingContext? Blocking { get; } = blocking;

        public CancellationTokenRegistration Registration { get; set; }

        public CancellationTokenRegistration Interruption { get; set; }

        public void OnObjectCompleted(ObjectRef entry, int token)
        {
            Registration.Dispose();
            Interruption.Unregister();
            EndWait();
            TrySetResult();
        }

        /// <summary>Takes the CPU back once, whichever way the wait ended first.</summary>
        public void EndWait()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                Blocking?.EndBlocking();
            }
        }
    }
}
