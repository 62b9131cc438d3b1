using System.Collections.Generic;
using System.Threading;
using RaySharp.Actors;
using RaySharp.Backend;
using RaySharp.Objects;
using RaySharp.Observability;

namespace RaySharp.Scheduling;

/// <summary>
/// The parts of a <see cref="LocalTask"/> that most tasks never need: actor links, extra outputs, children,
/// the cancellation source, the inline host. Kept apart so a plain pending task stays small.
/// </summary>
internal sealed class TaskExtras
{
    /// <summary>The backend the task runs in (a plain task without extras keeps it in its link instead).</summary>
    public LocalBackend Backend { get; set; } = null!;

    public LocalActor? Actor { get; init; }

    public LocalTask.TaskRole Role { get; init; }

    public ExtraOutputs? Outputs { get; init; }

    public CancellationTokenSource? Cancellation;

    /// <summary>The tasks this one submitted (local tasks, and on a cluster tasks sent to other nodes), for a recursive cancel.</summary>
    public List<ITaskProducer>? Children;

    /// <summary>The GPU numbers the task holds while it holds its resources (an actor's creation: for the actor's life).</summary>
    public int[]? GpuIds;

    /// <summary>The blocked task this one runs inline for, on its resources.</summary>
    public LocalTask? InlineHost { get; set; }

    /// <summary>The actor life an actor call runs on; set when the call starts.</summary>
    public ActorIncarnation? Incarnation { get; set; }

    /// <summary>
    /// For an actor call that a restart may retry: where this attempt stages its results (index 0 the first, then the
    /// extra outputs), each made on first use. An abandoned attempt that goes on running writes only here, so it can
    /// never touch the shared entries that its retry publishes.
    /// </summary>
    public ObjectRef?[]? Staging { get; init; }

    /// <summary>
    /// For a call that keeps its caller's order in a sync actor's mailbox (<see cref="CallerOrder"/>): the caller.
    /// Cleared when the call leaves the mailbox.
    /// </summary>
    public object? OrderedCaller;

    /// <summary>The task's spans, while someone listens to the runtime's activity source.</summary>
    public TaskTrace? Trace;

    /// <summary>How often the task has been retried.</summary>
    public int Attempts;

    /// <summary>1 once <see cref="Ray.Cancel"/> (or an actor's death) asked the task to stop; set by an interlocked exchange.</summary>
    public int CancelRequested;

    /// <summary>Set when an actor restart took this call away: its late outcome is ignored.</summary>
    public volatile bool Abandoned;
}
