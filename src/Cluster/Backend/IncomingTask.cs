using System;
using MessagePack;
using RaySharp.Cluster.Transport;
using RaySharp.Objects;
using RaySharp.Scheduling;
using RaySharp.Wire;

namespace RaySharp.Cluster.Backend;

/// <summary>A task another node sent here: when its entry completes, its value's bytes (or its error, or a reference to a large value kept here) go back to that node.</summary>
/// <remarks>Counted as the node's work from its creation until its result is queued, so a drain waits for it.</remarks>
internal sealed class IncomingTask : IObjectWaiter
{
    private readonly ClusterBackend _backend;
    private readonly string _from;
    private readonly INodeResults _replyTo;
    private readonly long _key;
    private readonly ResultCodec _codec;
    private readonly ResourceRequest _request;

    public IncomingTask(ClusterBackend backend, string from, INodeResults replyTo, long key, ResultCodec codec, ResourceRequest request)
    {
        _backend = backend;
        _from = from;
        _replyTo = replyTo;
        _key = key;
        _codec = codec;
        _request = request;
        backend.Drain.Enter();
    }

    public void OnObjectCompleted(ObjectRef entry, int token)
    {
        try
        {
            Deliver(entry);
        }
        finally
        {
            _backend.Drain.Exit();
        }
    }

    private void Deliver(ObjectRef entry)
    {
        _backend.LocalLedger.Remove(_request);
        _backend.Incoming.Remove(_from, _key);
        WireResult result;
        if (entry.Error is { } error)
        {
            result = new WireResult(_key, null, WireError.From(error));
        }
        else
        {
            try
            {
                var bytes = Write(entry);
                if (bytes.Length > _backend.Objects.InlineMaxBytes)
                {
                    bytes = _backend.Objects.OfferResult(entry.Id, bytes, _from).ToBytes(); // the caller pulls it in chunks
                }

                result = new WireResult(_key, bytes, null);
            }
            catch (MessagePackSerializationException failed)
            {
                result = new WireResult(_key, null, WireError.From(failed));
            }
        }

        _backend.SendResult(_from, _replyTo, result);
    }

    private byte[] Write(ObjectRef entry)
    {
        var buffer = WireBuffer.Rent(); // a failed write drops it: the next write on this thread takes a new one
        var writer = new MessagePackWriter(buffer);
        using (RayRuntime.CurrentOrNull == _backend.Runtime ? null : _backend.Runtime.MakeCurrent()) // a snapshot's nested refs resolve in this node's runtime
        using (WireScope.Enter(_backend.Objects))
        {
            _codec.Write(ref writer, entry, _backend.SerializerOptions); // refs inside the value name this node
        }

        writer.Flush();
        return WireBuffer.ToArrayAndReturn(buffer);
    }
}
