using Orleans;

namespace RaySharp.Cluster.Objects;

/// <summary>Where a node serves object bytes over its side channel, and the token a reader must present (given only through a grain call).</summary>
[GenerateSerializer, Immutable]
internal sealed class ObjectChannelAddress
{
    public ObjectChannelAddress(string host, int port, byte[] token)
    {
        Host = host;
        Port = port;
        Token = token;
    }

    [Id(0)]
    public string Host { get; }

    [Id(1)]
    public int Port { get; }

    [Id(2)]
    public byte[] Token { get; }
}
