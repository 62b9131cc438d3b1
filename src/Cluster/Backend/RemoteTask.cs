using System;
using System.Threading;
using System.Threading.Tasks;
using MessagePack;
using RaySharp.Cluster.Objects;
using RaySharp.Cluster.Transport;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Scheduling;
using RaySharp.Wire;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// A task this node placed on another: it waits, without a thread, until its ref arguments are ready here (or kept on
/// the node that made them, see <see cref="ArgumentWaiter"/>), then its spec (with their values, or references to them)
/// goes out in the node's next batch; the result's bytes complete the caller's entry, or, for a large result, stay on
/// that node until used here (see RemoteTask.Lineage.cs).
/// </summary>
internal sealed partial class RemoteTask : ArgumentWaiter
{
    private readonly ClusterBackend _backend;
    private readonly TaskSpec _spec;
    private readonly ResourceRequest _request;
    private int _released;

    public RemoteTask(ClusterBackend backend, RemoteNode node, TaskSpec spec, ObjectRef result, ResourceRequest request, long key, int attempt)
    {
        Attempt = attempt;
        _backend = backend;
        Node = node;
        _spec = spec;
        Result = result;
        _request = request;
        Key = key;
    }

    public long Key { get; }

    /// <summary>1 the first time the task is sent, one more for each node that died with it.</summary>
    public int Attempt { get; }

    public TaskSpec Spec => _spec;

    public ResourceRequest Request => _request;

    public RemoteNode Node { get; }

    public ObjectRef Result { get; }

    /// <summary>Becomes its result's producer (so <c>Ray.Cancel</c> reaches it), registers on the unready ref arguments; sends at once when there are none.</summary>
    public void Start()
    {
        Result.SetProducerFetchingOnDemand(this);
        WaitFor(_spec.Args);
    }

    /// <summary>Publishes a result that came back, or fails the entry with its error; frees the demand placed on the node.</summary>
    public void Complete(WireResult result, MessagePackSerializerOptions options)
    {
        // First, so the caller woken by the result sees the node idle again (its next lone spec then goes one-way).
        ReleaseDemand();
        try
        {
            if (result.Error is { } error)
            {
                if (!RetryIfArgumentLost(error))
                {
                    Result.TryFail(error.IsCancellation ? CancelledError() : error.ToException(Node.NodeId));
                }
            }
            else if (ObjectReference.TryRead(result.Value, out var large))
            {
                // Kept on its node until used here (then pulled in chunks); lost before that, the task runs again: lineage.
                KeepRemote(large);
            }
            else
            {
                var reader = new MessagePackReader(result.Value);
                using var scope = WireScope.Enter(_backend.Objects); // refs inside the value name their nodes
                _spec.Function.Wire!.Result.TryPublish(Result, ref reader, options);
            }
        }
        catch (Exception error) when (error is MessagePackSerializationException or InvalidOperationException)
        {
            Result.TryFail(new NodeTaskException(Node.NodeId, error.GetType().FullName!, "the result of task '" + _spec.Function.Name + "' did not read back: " + error.Message, error.StackTrace ?? string.Empty));
        }
    }

    /// <summary>Fails the task (its node is gone, the batch did not arrive, or this node shuts down); frees the demand placed on the node.</summary>
    public void Fail(Exception error)
    {
        Result.TryFail(error);
        ReleaseDemand();
    }

    /// <summary>Gives the task up on its node (which died) without failing its result, which a retry elsewhere completes.</summary>
    public void Abandon() => ReleaseDemand();

    /// <summary>Frees the demand this task placed on its node's ledger, once, whichever way it ended.</summary>
    private void ReleaseDemand()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Node.Ledger.Remove(_request);
        }
    }

    protected override void OnArgumentsReady()
    {
        if (Result.IsCompleted)
        {
            // Failed while it waited for its arguments (this node shut down, or the node it was placed on died).
            _backend.Forget(this);
            return;
        }

        var args = _spec.Args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            if (args.GetDependency(i).CapturedError is { } failed)
            {
                // As locally: a task whose argument failed fails with the same error, without running.
                _backend.Forget(this);
                Result.TryFail(failed);
                ReleaseDemand();
                return;
            }
        }

        byte[] bytes;
        Task? uploads;
        try
        {
            using var current = RayRuntime.CurrentOrNull == _backend.Runtime ? null : _backend.Runtime.MakeCurrent(); // a snapshot's nested refs resolve here
            using var uploading = DriverUploads.To(Node.NodeId); // a driver's large ref arguments go to the node first
            bytes = TaskSpecWire.Write(_spec, _backend.SerializerOptions, _backend.Objects);
            MessageLimit.CheckSpec(bytes);
            uploads = DriverUploads.Pending;
        }
        catch (Exception error) when (error is MessagePackSerializationException or InvalidOperationException or InvalidCastException)
        {
            _backend.Forget(this);
            Fail(new NodeTaskException(_backend.NodeId, error.GetType().FullName!, $"task '{_spec.Function.Name}' could not be written to send to node {Node.NodeId}: {error.Message}", error.StackTrace ?? string.Empty));
            return;
        }

        if (uploads is null)
        {
            _ = TryPostSpec(new WireTask(Key, bytes)); // false: cancelled meanwhile, its ref has failed already
        }
        else
        {
            _ = PostAfterAsync(uploads, bytes);
        }
    }

    /// <summary>Sends the spec once the objects it refers to are on the node; a failed upload is a delivery failure, retried elsewhere.</summary>
    private async Task PostAfterAsync(Task uploads, byte[] bytes)
    {
        try
        {
            await uploads.ConfigureAwait(false);
        }
        catch (InvalidOperationException error)
        {
            _backend.Undelivered(Key, error);
            return;
        }

        _ = TryPostSpec(new WireTask(Key, bytes));
    }
}
