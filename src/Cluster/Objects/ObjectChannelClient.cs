using System;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using RaySharp.Wire;

namespace RaySharp.Cluster.Objects;

/// <summary>Pulls an object's bytes over a node's side channel (<see cref="ObjectChannelServer"/>): every chunk request is sent at once, the answers are read in order straight into the result.</summary>
internal static class ObjectChannelClient
{
    public static async Task PullAsync(ObjectChannelAddress address, string readerNode, ObjectReference reference, byte[] buffer, int chunkBytes)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(address.Host, address.Port).ConfigureAwait(false);
        var stream = client.GetStream();
        var size = buffer.Length;
        var chunks = (size + chunkBytes - 1) / chunkBytes;
        var name = Encoding.UTF8.GetBytes(readerNode);
        var requests = new byte[20 + name.Length + (chunks * ObjectChannelServer.RequestBytes)];
        address.Token.CopyTo(requests, 0);
        BinaryPrimitives.WriteInt32LittleEndian(requests.AsSpan(16), name.Length);
        name.CopyTo(requests, 20);
        for (var i = 0; i < chunks; i++)
        {
            var at = requests.AsSpan(20 + name.Length + (i * ObjectChannelServer.RequestBytes));
            var offset = (long)i * chunkBytes;
            BinaryPrimitives.WriteUInt64LittleEndian(at, reference.Id.Owner);
            BinaryPrimitives.WriteUInt64LittleEndian(at[8..], reference.Id.Sequence);
            BinaryPrimitives.WriteInt64LittleEndian(at[16..], offset);
            BinaryPrimitives.WriteInt32LittleEndian(at[24..], (int)Math.Min(chunkBytes, size - offset));
        }

        var send = stream.WriteAsync(requests).AsTask();
        var status = new byte[4];
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * chunkBytes;
            var count = Math.Min(chunkBytes, size - offset);
            await stream.ReadExactlyAsync(status).ConfigureAwait(false);
            if (BinaryPrimitives.ReadInt32LittleEndian(status) != count)
            {
                throw new InvalidOperationException($"Node {reference.Node} no longer holds object {reference.Id} (its owner released it, or the node restarted).");
            }

            await stream.ReadExactlyAsync(buffer.AsMemory(offset, count)).ConfigureAwait(false);
        }

        await send.ConfigureAwait(false);
    }
}
