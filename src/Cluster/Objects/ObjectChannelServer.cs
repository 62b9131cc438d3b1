using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// A node's side channel for object bytes: a TCP listener on the silo's address that serves chunks of the objects this
/// node offers. A reader connects, sends the node's token (which it got through a grain call, so only who can call the
/// cluster's grains can read) and its node id, then any number of chunk requests <c>[owner, sequence, offset, count]</c>;
/// each is answered in order with <c>[count or -1]</c> and the bytes, written straight from the served array.
/// </summary>
internal sealed class ObjectChannelServer : IDisposable
{
    /// <summary>Bytes of one chunk request: owner, sequence, offset (8 each) and count (4).</summary>
    public const int RequestBytes = 28;

    private readonly TcpListener _listener;
    private readonly Func<ObjectId, string, ObjectSource?> _serve;
    private volatile bool _disposed;

    /// <param name="address">The silo's IP address, where the listener binds.</param>
    /// <param name="serve">The source of an object read by a node (it becomes a holder), or null when this node no longer serves it.</param>
    public ObjectChannelServer(IPAddress address, Func<ObjectId, string, ObjectSource?> serve)
    {
        _serve = serve;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        Address = new ObjectChannelAddress(endpoint.Address.ToString(), endpoint.Port, RandomNumberGenerator.GetBytes(16));
        _ = Task.Run(AcceptAsync);
    }

    public ObjectChannelAddress Address { get; }

    public void Dispose()
    {
        _disposed = true;
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_disposed)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        try
        {
            var stream = client.GetStream();
            var hello = new byte[20];
            await stream.ReadExactlyAsync(hello).ConfigureAwait(false);
            if (!CryptographicOperations.FixedTimeEquals(hello.AsSpan(0, 16), Address.Token))
            {
                return; // not a node of this cluster
            }

            var nameLength = BinaryPrimitives.ReadInt32LittleEndian(hello.AsSpan(16));
            if (nameLength is < 0 or > 1024)
            {
                return;
            }

            var name = new byte[nameLength];
            await stream.ReadExactlyAsync(name).ConfigureAwait(false);
            var reader = Encoding.UTF8.GetString(name);
            var request = new byte[RequestBytes];
            var status = new byte[4];
            while (!_disposed)
            {
                if (await stream.ReadAtLeastAsync(request, RequestBytes, throwOnEndOfStream: false).ConfigureAwait(false) < RequestBytes)
                {
                    return; // the reader is done
                }

                var id = new ObjectId(BinaryPrimitives.ReadUInt64LittleEndian(request), BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(8)));
                var offset = BinaryPrimitives.ReadInt64LittleEndian(request.AsSpan(16));
                var count = BinaryPrimitives.ReadInt32LittleEndian(request.AsSpan(24));
                var source = _serve(id, reader);
                var ok = source is not null && offset >= 0 && count >= 0 && offset + count <= source.Bytes.LongLength;
                BinaryPrimitives.WriteInt32LittleEndian(status, ok ? count : -1);
                await stream.WriteAsync(status).ConfigureAwait(false);
                if (!ok)
                {
                    return;
                }

                await stream.WriteAsync(source!.Bytes.AsMemory((int)offset, count)).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is System.IO.IOException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
            // The reader went away; it retries or fails its pull.
        }
    }
}
