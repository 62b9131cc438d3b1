using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Objects;

/// <summary>Bridges entries to <see cref="Task"/> for waits that take a cancellation token.</summary>
internal static class EntryTasks
{
    /// <summary>A task that completes when <paramref name="entry"/> completes (whatever its outcome), or is cancelled by the token.</summary>
    public static Task WhenCompleted(ObjectEntry entry, CancellationToken cancellationToken)
    {
        if (entry.IsCompleted)
        {
            return Task.CompletedTask;
        }

        var waiter = new TaskWaiter();
        if (!entry.TryRegister(waiter))
        {
            return Task.CompletedTask;
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static (state, token) =>
            {
                var (w, e) = ((TaskWaiter, ObjectEntry))state!;
                e.Unregister(w);
                w.TrySetCanceled(token);
            }, (waiter, entry));
        }

        return waiter.Task;
    }

    private sealed class TaskWaiter() : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), IObjectWaiter
    {
        public CancellationTokenRegistration Registration { get; set; }

        public void OnObjectCompleted(ObjectEntry entry, int token)
        {
            Registration.Dispose();
            TrySetResult();
        }
    }
}
