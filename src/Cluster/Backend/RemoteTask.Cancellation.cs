using System.Threading;
using RaySharp.Cluster.Cancellation;
using RaySharp.Cluster.Transport;
using RaySharp.Objects;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// <c>Ray.Cancel</c> of a task placed on another node, as the local runtime cancels its own: one still waiting here for
/// its arguments never leaves and its ref fails with <see cref="TaskCancelledException"/> at once; one already sent is
/// cancelled on its node (a queued task never runs, a running one sees its token), which sends back the outcome; with
/// <c>force</c>, the ref fails here at once. A cancelled task is never run again when its node dies.
/// </summary>
internal sealed partial class RemoteTask : ITaskProducer
{
    private const int Waiting = 0;
    private const int Sent = 1;
    private const int CancelledHere = 2;

    private int _stage;
    private int _cancel; // the CancelMode asked, once asked

    /// <summary>True once <c>Ray.Cancel</c> reached this task.</summary>
    public bool IsCancelRequested => Volatile.Read(ref _cancel) != 0;

    public bool IsFinished => Result.IsCompleted;

    public void Cancel(bool force, bool recursive)
    {
        var mode = CancelMode.Cancel | (force ? CancelMode.Force : 0) | (recursive ? CancelMode.Recursive : 0);
        Interlocked.CompareExchange(ref _cancel, (int)mode, 0);
        if (Interlocked.CompareExchange(ref _stage, CancelledHere, Waiting) == Waiting)
        {
            // Still waiting for its arguments here: it never leaves.
            _backend.Forget(this);
            Fail(CancelledError());
            return;
        }

        if (Result.IsCompleted)
        {
            return;
        }

        if (force)
        {
            Result.TryFail(CancelledError()); // as locally: force fails the ref of a running task at once
        }

        Node.Specs.Post(WireTask.CancelOf(Key, force, recursive));
    }

    public bool TryRunOnWaitingThread() => false;

    /// <summary>
    /// For the node-death retry path: a task cancelled before its node died is not run again; its ref fails with
    /// <see cref="TaskCancelledException"/>. True when it ended so.
    /// </summary>
    public bool EndIfCancelled()
    {
        if (!IsCancelRequested)
        {
            return false;
        }

        Fail(CancelledError());
        return true;
    }

    /// <summary>
    /// After a retry replaced this task (its node died): a cancel that reached this task while the retry was being
    /// placed reaches the retry too, so no cancel is lost in between.
    /// </summary>
    public void ForwardCancelTo(ITaskProducer? retry)
    {
        var mode = (CancelMode)Volatile.Read(ref _cancel);
        if (mode != CancelMode.None && retry is not null && retry != this)
        {
            retry.Cancel(mode.HasFlag(CancelMode.Force), mode.HasFlag(CancelMode.Recursive));
        }
    }

    /// <summary>The error of a cancelled task, as the local runtime's: its name, and its id on this node.</summary>
    private TaskCancelledException CancelledError() =>
        new(Spec.ResolveOptions().Name ?? Spec.Function.Name, new TaskId(Result.Id.Owner, Result.Id.Sequence));

    /// <summary>The task was cancelled on its node (not a task that threw a cancellation of its own, which is a task error).</summary>
    private static bool IsCancellation(WireError error) => error.TaskName is null && error.Type == typeof(TaskCancelledException).FullName;

    private bool TryMarkSent() => Interlocked.CompareExchange(ref _stage, Sent, Waiting) == Waiting;
}
