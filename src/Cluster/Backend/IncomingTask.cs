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
        backend.Incoming.Remove(from, key);
        WireResult result;
        if (entry.Error is { } error)
        {
            result = new WireResult(key, null, WireError.From(error));
        }
        else
        {
            try
            {
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
                var writer = new MessagePackWriter(buffer);
                using (RayRuntime.CurrentOrNull == backend.Runtime ? null : backend.Runtime.MakeCurrent()) // a snapshot's nested refs resolve in this node's runtime
                using (WireScope.Enter(backend.Objects))
                {
                    codec.Write(ref writer, entry, backend.SerializerOptions); // refs inside the value name this node
                }

                writer.Flush();
                var bytes = buffer.WrittenSpan.ToArray();
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
}
