using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using RaySharp.Cluster;
using RaySharp.Wire;

namespace RaySharp.Benchmarks;

/// <summary>
/// A 100 MB object fetched from the other node of a 2-silo cluster (Orleans' in-process test cluster: two silos in this
/// process that talk over loopback TCP), against a raw loopback socket copying the same bytes in the same run.
/// <c>pull</c> is the transfer alone (node 2 pulls an object node 1 serves, over node 1's side channel or through
/// grain calls); <c>task</c> is
/// the whole path: a new put on node 1, a task on node 2 that takes it (pulled there) and returns its length.
/// Baseline: one persistent <see cref="TcpClient"/> on 127.0.0.1 writing the 100 MB to a reader that copies them into
/// one array, as the pull does.
/// </summary>
public class ClusterObjectTransfer
{
    private const int Size = 100 * 1024 * 1024;
    private const string Special = "special";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly TaskOptions OnNode2 = new() { Resources = new Dictionary<string, double> { [Special] = 1 } };

    private InProcessTestCluster _cluster = null!;
    private RayNode _node1 = null!;
    private RayNode _node2 = null!;
    private ObjectRef<byte[]> _served = null!;
    private ObjectReference _reference;
    private byte[] _data = null!;
    private TcpListener _listener = null!;
    private TcpClient _client = null!;
    private TcpClient _accepted = null!;
    private byte[] _received = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((silo, siloBuilder) => siloBuilder.AddRaySharpNode(silo.SiloName == "Silo_0"
            ? new RayOptions { NumCpus = 2 }
            : new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [Special] = 1 } }));
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        _node1 = _cluster.Silos[0].ServiceProvider.GetRequiredService<RayNode>();
        _node2 = _cluster.Silos[1].ServiceProvider.GetRequiredService<RayNode>();
        while (_node1.Backend.RefreshNodesAsync().GetAwaiter().GetResult() < 1 || _node2.Backend.RefreshNodesAsync().GetAwaiter().GetResult() < 1)
        {
            Task.Delay(50).GetAwaiter().GetResult();
        }

        _data = new byte[Size];
        new Random(1).NextBytes(_data);
        _served = _node1.Runtime.Put(_data);
        _reference = _node1.Backend.Objects.Offer(_served, MessagePack.MessagePackSerializer.Serialize(_data, _node1.Backend.SerializerOptions));

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _client = new TcpClient { NoDelay = true };
        _client.Connect((IPEndPoint)_listener.LocalEndpoint);
        _accepted = _listener.AcceptTcpClient();
        _received = new byte[Size];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _accepted.Dispose();
        _listener.Stop();
        _cluster.StopAllSilosAsync().GetAwaiter().GetResult();
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "pull: node 2 pulls 100 MB from node 1 over its side channel (4 MiB chunks)")]
    public async Task<int> Pull() => (await _node2.Backend.Objects.PullAsync(_reference)).Length;

    [Benchmark(Description = "pull through grain calls only (4 MiB chunks, 4 in flight)")]
    public async Task<int> PullThroughGrains()
    {
        _node2.Backend.Objects.UseSideChannel = false;
        try
        {
            return (await _node2.Backend.Objects.PullAsync(_reference)).Length;
        }
        finally
        {
            _node2.Backend.Objects.UseSideChannel = true;
        }
    }

    [Benchmark(Description = "task: put 100 MB on node 1, a task on node 2 takes it")]
    public int TaskOnNode2()
    {
        using var _ = _node1.Runtime.MakeCurrent();
        return ClusterBenchFunctions.Remote.WithOptions(OnNode2).LengthOf(Ray.Put(_data)).Get(Timeout);
    }

    [Benchmark(Baseline = true, Description = "baseline: 100 MB over a loopback TCP socket")]
    public async Task<int> Socket()
    {
        var send = _client.GetStream().WriteAsync(_data).AsTask();
        var stream = _accepted.GetStream();
        var read = 0;
        while (read < Size)
        {
            read += await stream.ReadAsync(_received.AsMemory(read));
        }

        await send;
        return read;
    }
}
