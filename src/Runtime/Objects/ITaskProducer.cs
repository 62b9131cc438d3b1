namespace RaySharp.Objects;

/// <summary>What produces a pending entry, as far as a caller holding its ref can act on it.</summary>
internal interface ITaskProducer
{
    /// <summary>Cancels the producing task (Ray's <c>ray.cancel</c>).</summary>
    void Cancel(bool force, bool recursive);

    /// <summary>True once the task has ended: a parent drops it from the children a recursive cancel reaches.</summary>
    bool IsFinished { get; }

    /// <summary>
    /// Runs the producing task on this thread, which runs no task and is about to block for the result with no
    /// timeout, when the task is ready and has not started (a dispatched task, or a queued call on a sync actor):
    /// saves the caller a wake-up. False when it ran nothing.
    /// </summary>
    bool TryRunOnWaitingThread();
}
