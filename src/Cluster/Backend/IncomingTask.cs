using System;
using MessagePack;
using RaySharp.Cluster.Transport;
using RaySharp.Objects;
using RaySharp.Scheduling;
using RaySharp.Wire;

namespace RaySharp.Cluster.Backend;

/// <summary>A task another node sent here: when its entry completes, its value's bytes (or its error, or a reference to a large value kept here) go back to that node.</summary>
internal sealed class IncomingTask(ClusterBackend backend, string from, INodeResults replyTo, long key, ResultCodec codec, ResourceRequest request) : IObjectWaiter
{
    public void OnObjectCompleted(ObjectEntry entry, int token)
    {
        backend.LocalLedger.Remove(request);
        WireResult result;
        if (entry.Error is { } error)
        {
            result = new WireResult(key, null, WireError.From(error));
        }
        else
        {
            try
            {
                var bytes = Write(entry);
                if (bytes.Length > backend.Objects.InlineMaxBytes)
                {
                    bytes = backend.Objects.OfferResult(entry.Id, bytes).ToBytes(); // the caller pulls it in chunks
                }

                result = new WireResult(key, bytes, null);
            }
            catch (MessagePackSerializationException failed)
            {
                result = new WireResult(key, null, WireError.From(failed));
            }
        }

        backend.SendResult(from, replyTo, result);
    }

    private byte[] Write(ObjectEntry entry)
    {
        var buffer = WireBuffer.Rent(); // a failed write drops it: the next write on this thread takes a new one
        var writer = new MessagePackWriter(buffer);
        using (RayRuntime.CurrentOrNull == backend.Runtime ? null : backend.Runtime.MakeCurrent()) // a snapshot's nested refs resolve in this node's runtime
        using (WireScope.Enter(backend.Objects))
        {
            codec.Write(ref writer, entry, backend.SerializerOptions); // refs inside the value name this node
        }

        writer.Flush();
        return WireBuffer.ToArrayAndReturn(buffer);
    }
}
