using System;
using System.Collections.Generic;
using System.Threading;
using RaySharp.Cluster.Transport;
using RaySharp.Objects;
using RaySharp.Wire;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// A large result stays on the node that ran the task (Ray's primary copy): the owner's entry stays pending, knowing
/// where the value is, until something here needs it (<see cref="IFetchOnDemand"/>: a get, an await, a wait, a poll, a
/// local task taking it), which pulls it once. Tasks and actor calls placed on other nodes take it by that reference
/// (see <see cref="WaitForLocation"/>), without a pull here. When it is lost with its node, the task runs again
/// (<see cref="RebuildLost"/>), and the tasks waiting for it are handed to the retry.
/// </summary>
internal sealed partial class RemoteTask : IFetchOnDemand
{
    private readonly Lock _lineage = new();
    private ObjectReference? _location;
    private List<(ArgumentWaiter Waiter, int Token)>? _locationWaiters;
    private bool _lost;
    private bool _replaced;
    private RemoteTask? _retry;
    private int _demanded;
    private int _pulling;

    /// <summary>Where the result is kept, once its task ended there; null before, or when it is being made again.</summary>
    public ObjectReference? Location
    {
        get
        {
            lock (_lineage)
            {
                return _lost ? null : _location;
            }
        }
    }

    /// <summary>True once something on this node needed the value.</summary>
    public bool IsDemanded => Volatile.Read(ref _demanded) != 0;

    public void OnDemand(IObjectWaiter? waiter)
    {
        if (waiter is ArgumentWaiter)
        {
            return; // a task or call leaving this node takes the result by reference: no pull here
        }

        if (Interlocked.Exchange(ref _demanded, 1) == 0 && Location is not null)
        {
            Pull();
        }
    }

    /// <summary>The retry that replaces this task is needed at once when this one was.</summary>
    public void InheritDemand(RemoteTask previous)
    {
        if (previous.IsDemanded)
        {
            Volatile.Write(ref _demanded, 1);
        }
    }

    /// <summary>
    /// Tells <paramref name="waiter"/> (through its <see cref="IObjectWaiter.OnObjectCompleted"/> with <paramref name="token"/>)
    /// once the result is kept on its node, so it can send it on by reference; at once when it is. While the result is
    /// being made again, the retry tells it. Its completion reaches the waiter through the entry.
    /// </summary>
    public void WaitForLocation(ArgumentWaiter waiter, int token)
    {
        RemoteTask? retry = null;
        var located = false;
        lock (_lineage)
        {
            if (_replaced)
            {
                retry = _retry;
            }
            else if (_location is null || _lost)
            {
                (_locationWaiters ??= []).Add((waiter, token));
                return;
            }
            else
            {
                located = true;
            }
        }

        if (retry is not null)
        {
            retry.WaitForLocation(waiter, token);
        }
        else if (located)
        {
            waiter.OnObjectCompleted(Result, token);
        }
    }

    /// <summary>
    /// Whether the result may be sent to another node by reference now: it is kept on a node that has not left. When
    /// that node has left, the task runs again first (lineage reconstruction) and this answers false.
    /// </summary>
    public bool CanSendByReference()
    {
        if (Location is not { } at)
        {
            return false;
        }

        if (!_backend.HasLeft(at.Node))
        {
            return true;
        }

        RebuildLost(new InvalidOperationException($"node {at.Node}, which kept object {at.Id} ({at.Size} bytes), has left the cluster"));
        return false;
    }

    /// <summary>The result came back as a reference to the bytes its node keeps: wait for a use here, or pull now if one came already.</summary>
    private void KeepRemote(ObjectReference large)
    {
        _backend.Objects.KeepRemote(Result, large);
        List<(ArgumentWaiter Waiter, int Token)>? waiters;
        lock (_lineage)
        {
            _location = large;
            waiters = _locationWaiters;
            _locationWaiters = null;
        }

        if (IsDemanded)
        {
            Pull();
        }

        foreach (var (waiter, token) in waiters ?? [])
        {
            waiter.OnObjectCompleted(Result, token);
        }
    }

    /// <summary>Pulls the result here, once; lost on the way, the task runs again.</summary>
    private void Pull()
    {
        if (Location is not { } at || Interlocked.Exchange(ref _pulling, 1) != 0)
        {
            return;
        }

        if (_backend.HasLeft(at.Node))
        {
            RebuildLost(new InvalidOperationException($"node {at.Node}, which kept object {at.Id} ({at.Size} bytes), has left the cluster"));
            return;
        }

        _backend.Objects.PullResult(at, _spec.Function.Wire!.Result, Result, RebuildLost);
    }

    /// <summary>
    /// Lineage reconstruction: the result kept on its node is lost (the node died or left, or no longer has it), so
    /// the task runs again, once per loss, placed afresh, while its retries last. Its own arguments that were lost
    /// with a node are made again first, in turn, when the retry waits for them.
    /// </summary>
    public void RebuildLost(Exception cause)
    {
        lock (_lineage)
        {
            if (_lost || _replaced || _location is null)
            {
                return;
            }

            _lost = true;
        }

        if (Result.IsCompleted)
        {
            return;
        }

        _backend.Objects.ForgetRemote(Result);
        _backend.Rebuild(this, cause);
    }

    /// <summary>
    /// A retry replaced this task (<paramref name="retry"/>, or null when it runs on this node or failed): the tasks
    /// waiting here for the result's place wait for the retry's (or, with none, for the entry to complete).
    /// </summary>
    public void HandOver(RemoteTask? retry)
    {
        List<(ArgumentWaiter Waiter, int Token)>? waiters;
        lock (_lineage)
        {
            _replaced = true;
            _retry = retry;
            waiters = _locationWaiters;
            _locationWaiters = null;
        }

        if (retry is null)
        {
            return;
        }

        foreach (var (waiter, token) in waiters ?? [])
        {
            retry.WaitForLocation(waiter, token);
        }
    }

    /// <summary>
    /// The task failed on its node because an argument it was sent by reference could not be pulled from the node that
    /// kept it (that node died or left before the pull): those arguments are made again, and this task runs again
    /// (a system failure, which spends a retry). False when the error is of another kind.
    /// </summary>
    private bool RetryIfArgumentLost(WireError error)
    {
        if (error.TaskName is not null || error.Type != typeof(NodeTaskException).FullName)
        {
            return false;
        }

        var lost = false;
        var args = _spec.Args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            var entry = args.GetDependency(i);
            if (_backend.Objects.TryLocate(entry, out var at) && error.Message.Contains("could not be pulled from node " + at.Node, StringComparison.Ordinal))
            {
                lost = true;
                if (entry.Producer is RemoteTask producer)
                {
                    producer.RebuildLost(new InvalidOperationException($"node {at.Node} lost object {at.Id} before task '{_spec.Function.Name}' pulled it on node {Node.NodeId}"));
                }

                _backend.Objects.ForgetRemote(entry); // a value here is sent from here from now on
            }
        }

        if (lost)
        {
            _backend.Rebuild(this, error.ToException(Node.NodeId));
        }

        return lost;
    }
}
