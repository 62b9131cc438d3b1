using System;
using System.Diagnostics;
using RaySharp.Objects;
using RaySharp.Observability;
using RaySharp.Observability.Logging;

namespace RaySharp.Scheduling;

/// <summary>
/// The task's hooks into the state API, the timeline and tracing: one event per submission, start and end (a lock-free
/// write into the thread's ring), and spans only while someone listens to <see cref="Tracing.Source"/>.
/// </summary>
internal sealed partial class LocalTask : ITaskIdentity
{
    /// <summary>Set once the task has started or ended, so the metrics' queue length counts it out once.</summary>
    private bool _leftQueue;

    /// <summary>Set when the task that handed this one off recorded its start (its end event names this task).</summary>
    private bool _startRecorded;

    private TaskType TypeForState => Role switch
    {
        TaskRole.ActorCreation => TaskType.ActorCreationTask,
        TaskRole.ActorCall => TaskType.ActorTask,
        _ => TaskType.NormalTask,
    };

    private ulong ActorSequence => TargetActor?.Id.Sequence ?? 0;

    /// <summary>The backend accepted the task; <paramref name="parent"/> is the task that submitted it, if any.</summary>
    public void OnSubmitted(LocalTask? parent)
    {
        Backend.Events?.Submitted(Sequence, Name, TypeForState, ActorSequence, parent?.Sequence ?? 0);
        if (Tracing.Source.HasListeners())
        {
            var context = Tracing.Submitted(Name, Id, Backend.NodeId);
            if (context != default)
            {
                Extras.Trace = new TaskTrace(context);
            }
        }
    }

    /// <summary>An attempt starts on this thread; returns the run's span (made current) when traced.</summary>
    private Activity? OnStarted(out Activity? outer)
    {
        if (_startRecorded)
        {
            // Handed off: its predecessor's end event (OnEnded) is its start, and counted it out of the queue.
            _startRecorded = false;
        }
        else if (Backend.Events is { } events)
        {
            events.Started(Sequence, leavesQueue: !_leftQueue);
            _leftQueue = true;
        }

        outer = null;
        if (!Tracing.Source.HasListeners())
        {
            return null;
        }

        var trace = ExtrasIfAny?.Trace;
        var span = Tracing.Started(Name, Id, Backend.NodeId, trace?.Parent ?? default, out outer);
        if (span is not null)
        {
            (trace ?? (Extras.Trace = new TaskTrace(default))).Span = span;
        }

        return span;
    }

    /// <summary>The thread leaves the run's code (it returned, or awaits): its current span goes back to what it was.</summary>
    private static void LeaveSpan(Activity? span, Activity? outer)
    {
        if (span is not null)
        {
            Activity.Current = outer;
        }
    }

    /// <summary>The task ended for good: finished (no error), failed or cancelled.</summary>
    private void OnEnded(Exception? error)
    {
        if (Backend.Events is { } events)
        {
            // The task this worker runs next (Finish took it from the scheduler before this end), if any.
            var next = ReferenceEquals(t_worker, this) ? t_handOff : null;
            if (next is not null)
            {
                next._leftQueue = true;
                next._startRecorded = true;
            }

            events.Ended(Sequence, error is null ? null : new TaskFailure(Name, error), leavesQueue: !_leftQueue, next?.Sequence ?? 0);
            _leftQueue = true;
        }

        if (error is not null)
        {
            Backend.Runtime.Log.Scheduling.TaskEnded(Name, Id, Attempts + 1, error);
        }
        if (ExtrasIfAny?.Trace is { Span: { } span } trace)
        {
            trace.Span = null;
            Tracing.Ended(span, error);
        }
    }

    /// <summary>An attempt threw and the task runs again (its attempt count already raised).</summary>
    private void LogRetry(Exception error)
    {
        var log = Backend.Runtime.Log.Scheduling;
        if (log.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
        {
            log.TaskRetrying(Name, Id, Attempts, error.GetType().FullName ?? error.GetType().Name, _options.MaxRetries);
        }
    }

    /// <summary>The task can never fit the runtime: an operator's problem (a resource no node has), so a Warning.</summary>
    private void LogUnschedulable(TaskUnschedulableException error) => Backend.Runtime.Log.Scheduling.TaskUnschedulable(error.Message);
}
