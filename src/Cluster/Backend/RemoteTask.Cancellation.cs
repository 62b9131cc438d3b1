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

    private readonly Lock _posting = new();
    private int _stage;
    private int _cancel; // the CancelMode asked, once asked

    /// <summary>True once <c>Ray.Cancel</c> reached this task.</summary>
    public bool IsCancelRequested => Volatile.Read(ref _cancel) != 0;

    public bool IsFinished => Result.IsCompleted;

    public void Cancel(bool force, bool recursive)
    {
        var mode = CancelMode.Cancel | (force ? CancelMode.Force : 0) | (recursive ? CancelMode.Recursive : 0);
        Interlocked.CompareExchange(ref _cancel, (int)mode, 0);
        bool stoppedHere;
        lock (_posting)
        {
            stoppedHere = Interlocked.CompareExchange(ref _stage, CancelledHere, Waiting) == Waiting;
            if (!stoppedHere && !Result.IsCompleted)
            {
                // Behind its spec in the node's outbox (the lock keeps the two in order), so the node finds the task.
                Node.Specs.Post(WireTask.CancelOf(Key, force, recursive));
            }
        }

        if (stoppedHere)
        {
            // Still waiting for its arguments here: it never leaves.
            _backend.Forget(this);
            Fail(CancelledError());
        }
        else if (force)
        {
            Result.TryFail(CancelledError()); // as locally: force fails the ref of a running task at once
        }
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

    /// <summary>Posts the spec unless a cancel came first; a cancel posted later goes behind it.</summary>
    private bool TryPostSpec(WireTask spec)
    {
        lock (_posting)
        {
            if (Interlocked.CompareExchange(ref _stage, Sent, Waiting) != Waiting)
            {
                return false;
            }

            Node.Specs.Post(spec);
            return true;
        }
    }
}
