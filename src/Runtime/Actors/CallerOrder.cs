using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// Ray's per-caller ordering for a sync, one-at-a-time actor: calls from one caller run in the order that caller
/// submitted them, while a call still waiting for its ref arguments holds up only its own caller's later calls.
/// A call is <em>ordered</em> when its arguments were pending at submission, or when its caller already had an ordered
/// call queued; this type counts the ordered calls of each caller. The mailbox passes over waiting calls, and passes
/// an ordered call over while an earlier call of the same caller waits. A caller with nothing ordered costs nothing:
/// its calls carry no mark, and submitting them reads one counter.
/// </summary>
/// <remarks>
/// A caller is the driver (all of its threads, as Ray's driver is one worker), an actor (all of its calls and its
/// constructor), or a task. Guarded by the actor's lock, apart from <see cref="IsEmpty"/>.
/// </remarks>
[DebuggerDisplay("{_total} ordered calls")]
internal sealed class CallerOrder
{
    private readonly Dictionary<object, int> _orderedCalls = new(ReferenceEqualityComparer.Instance);
    private int _total;

    /// <summary>True when no call in the actor's queues is ordered: a new call without pending arguments needs no mark.</summary>
    public bool IsEmpty => Volatile.Read(ref _total) == 0;

    /// <summary>The caller that <paramref name="parent"/> submits for: its actor, itself, or the driver.</summary>
    /// <param name="parent">The task that submits the call; null for the driver.</param>
    /// <param name="driver">The key that stands for the driver.</param>
    public static object CallerOf(LocalTask? parent, object driver) =>
        parent is null ? driver : parent.TargetActor ?? (object)parent;

    /// <summary>True when <paramref name="call"/> must keep its caller's order: its arguments are pending, or its caller has ordered calls queued.</summary>
    public bool MustOrder(LocalTask call, object caller) => HasPendingArguments(call) || _orderedCalls.ContainsKey(caller);

    /// <summary>Counts an ordered call of <paramref name="caller"/> that joins the queue.</summary>
    public void Add(object caller)
    {
        _orderedCalls[caller] = _orderedCalls.GetValueOrDefault(caller) + 1;
        Volatile.Write(ref _total, _total + 1);
    }

    /// <summary>An ordered call of <paramref name="caller"/> left the queue (it started, or it finished while queued).</summary>
    public void Remove(object caller)
    {
        if (_orderedCalls.TryGetValue(caller, out var count))
        {
            if (count == 1)
            {
                _orderedCalls.Remove(caller);
            }
            else
            {
                _orderedCalls[caller] = count - 1;
            }

            Volatile.Write(ref _total, _total - 1);
        }
    }

    /// <summary>The actor died: no call is queued any more.</summary>
    public void Clear()
    {
        _orderedCalls.Clear();
        Volatile.Write(ref _total, 0);
    }

    /// <summary>True when a ref argument of <paramref name="call"/> is not ready yet.</summary>
    public static bool HasPendingArguments(LocalTask call)
    {
        var args = call.Spec.Args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            if (!args.GetDependency(i).IsCompleted)
            {
                return true;
            }
        }

        return false;
    }
}
