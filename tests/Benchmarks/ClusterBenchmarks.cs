using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;
using RaySharp.Cluster;

namespace RaySharp.Benchmarks;

/// <summary>
/// Tasks across two nodes of an in-process Orleans cluster (two silos, each a RaySharp node with 2 CPUs; only node 2
/// has the <c>node2</c> resource), next to raw Orleans grain calls from silo 1 to a grain on silo 2 in the same run.
/// "pipelined": 10,000 submitted, then every result (reported per task); "round trip": one submit and its result.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ClusterTasks
{
    private const int Count = 10_000;
    private static readonly TaskOptions OnNode2 = new() { NumCpus = 0.01, Resources = new Dictionary<string, double> { ["node2"] = 0.01 } };
    private InProcessTestCluster _cluster = null!;
    private RayNode _node1 = null!;
    private IEchoGrain _echoOnSilo2 = null!;
    private int _x;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((silo, siloBuilder) => siloBuilder.AddRaySharpNode(silo.SiloName == "Silo_0"
            ? new RayOptions { NumCpus = 2 }
            : new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { ["node2"] = 1_000 } }));
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        _node1 = _cluster.Silos[0].ServiceProvider.GetRequiredService<RayNode>();

        // Activated by silo 2 itself, so the grain lives there; silo 1 then calls across.
        _cluster.Silos[1].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IEchoGrain>(0).Square(1).GetAwaiter().GetResult();
        _echoOnSilo2 = _cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IEchoGrain>(0);

        // The first placements wait until node 1 has learnt node 2 from the membership.
        using var current = _node1.Runtime.MakeCurrent();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ClusterBenchFunctions.Remote.WithOptions(OnNode2).Square(2).Get(TimeSpan.FromSeconds(30)) != 4)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("node 2 did not run a task within 30 s");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cluster.StopAllSilosAsync().GetAwaiter().GetResult();
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "RaySharp: 10,000 tasks placed on node 2, then every result")]
    [BenchmarkCategory("pipelined")]
    public int TasksOnNode2() => SubmitThenGetAll(ClusterBenchFunctions.Remote.WithOptions(OnNode2));

    [Benchmark(OperationsPerInvoke = Count, Description = "RaySharp: 10,000 tasks spread by the hybrid policy, then every result")]
    [BenchmarkCategory("pipelined")]
    public int TasksSpread() => SubmitThenGetAll(ClusterBenchFunctions.Remote);

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "baseline: 10,000 grain calls silo 1 -> silo 2, then Task.WhenAll")]
    [BenchmarkCategory("pipelined")]
    public int GrainCallsPipelined()
    {
        var calls = new Task<int>[Count];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _echoOnSilo2.Square(i);
        }

        return Task.WhenAll(calls).GetAwaiter().GetResult()[Count - 1];
    }

    [Benchmark(Description = "RaySharp: one task on node 2, await its result")]
    [BenchmarkCategory("round trip")]
    public async Task<int> TaskRoundTrip()
    {
        using var current = _node1.Runtime.MakeCurrent();
        return await ClusterBenchFunctions.Remote.WithOptions(OnNode2).Square(_x++ & 1023);
    }

    [Benchmark(Baseline = true, Description = "baseline: one grain call silo 1 -> silo 2")]
    [BenchmarkCategory("round trip")]
    public Task<int> GrainCallRoundTrip() => _echoOnSilo2.Square(_x++ & 1023);

    private int SubmitThenGetAll(ClusterBenchFunctions.RemoteStubs stub)
    {
        using var current = _node1.Runtime.MakeCurrent();
        var refs = new ObjectRef<int>[Count];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = stub.Square(i & 1023);
        }

        return Ray.Get(refs)[Count - 1];
    }
}
