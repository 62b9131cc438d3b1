namespace RaySharp;

/// <summary>Where a task is in its life, as <see cref="RuntimeState.Tasks"/> lists it (Ray's task states, folded).</summary>
/// <remarks>Ray's <c>PENDING_ARGS_AVAIL</c>, <c>PENDING_NODE_ASSIGNMENT</c> and the other waiting states are all <see cref="Pending"/> here.</remarks>
public enum TaskState
{
    /// <summary>Submitted, waiting for its ref arguments, its resources or its actor (Ray's <c>PENDING_*</c> states).</summary>
    Pending,

    /// <summary>Running on a thread, or awaiting inside its body (Ray's <c>RUNNING</c>).</summary>
    Running,

    /// <summary>Returned; its result is stored (Ray's <c>FINISHED</c>).</summary>
    Finished,

    /// <summary>Threw (after its retries), or a ref argument failed, or it could never be scheduled (Ray's <c>FAILED</c>).</summary>
    Failed,

    /// <summary>Cancelled with <see cref="Ray.Cancel"/> (Ray shows these as <c>FAILED</c> with a <c>TASK_CANCELLED</c> error).</summary>
    Cancelled,
}
