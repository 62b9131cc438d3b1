using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ClusterSample;
using QuickStart;
using RaySharp;
using RaySharp.Cluster;

// Node mode first: started with --raysharp-node (by this sample, or by `raysharp start --app ClusterSample.dll`), this
// same program is a node of the cluster, so every node knows the tutorial's functions.
if (RayCluster.IsNodeCommand(args))
{
    return await RayCluster.RunNodeAsync(args);
}

Console.WriteLine("0. A cluster on this machine: a head and two worker nodes, separate processes, 2 CPUs each");
using var cluster = await LocalCluster.StartAsync(workers: 2, cpusPerNode: 2);
Console.CancelKeyPress += (_, _) => cluster.Dispose(); // the nodes also stop when this process ends (--exit-with)

// The driver joins as Ray's ray.init(address=…): its tasks run on the nodes (a driver has no CPUs of its own).
Environment.SetEnvironmentVariable(RayCluster.TokenVariable, cluster.Head.Token);
Ray.Init(new RayOptions { Address = cluster.Head.Gateway });
try
{
    var ids = Enumerable.Range(0, 10).ToList();
    var timeout = TimeSpan.FromSeconds(60);
    var clock = Stopwatch.StartNew();
    var nodesUsed = new HashSet<string>();
    string Short(string node) => $"node {cluster.Nodes.ToList().FindIndex(n => n.NodeId == node)}";

    Console.WriteLine("1. Remote tasks on the cluster, reference data in the object store");
    var referenceData = Ray.Put(Tutorial.ReferenceData);
    var refs = ids.Select(id => ClusterTutorial.Remote.GetRefDatumOnNode(id, referenceData)).ToList();
    foreach (var (datum, node) in Ray.Get(refs, timeout))
    {
        nodesUsed.Add(node);
        Console.WriteLine($"   {datum} ran on {Short(node)}");
    }

    Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

    Console.WriteLine("2. A Wait loop: each result as soon as it is ready");
    clock.Restart();
    IReadOnlyList<ObjectRef<DatumOnNode>> pending = ids.Select(id => ClusterTutorial.Remote.GetRefDatumOnNode(id, referenceData)).ToList();
    while (pending.Count > 0)
    {
        (var ready, pending) = Ray.Wait(pending, numReturns: 1, timeout: TimeSpan.FromSeconds(10));
        foreach (var (datum, node) in ready.Select(r => r.Get()))
        {
            nodesUsed.Add(node);
            Console.WriteLine($"   {datum} on {Short(node)} at {clock.Elapsed.TotalSeconds:0.000} s");
        }
    }

    Console.WriteLine("3. Task dependencies: refs passed straight into GetRefDatum2");
    clock.Restart();
    var pairs = new[] { 2, 4, 6 }.Select(id => Tutorial.Remote.GetRefDatum2(Tutorial.Remote.GetRefDatum(id, referenceData), referenceData)).ToList();
    foreach (var (first, second) in Ray.Get(pairs, timeout))
    {
        Console.WriteLine($"   ({first}, {second})");
    }

    Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

    Console.WriteLine("4. An actor: the ReferenceDataTracker counts requests per reference datum");
    // The actor lives on a node (a driver hosts none); its handle travels to the tasks, which call it from their nodes.
    var tracker = ReferenceDataTracker.Remote.New();
    for (var run = 1; run <= 2; run++)
    {
        clock.Restart();
        var tracked = Ray.Get(ids.Select(id => ClusterTutorial.Remote.GetTrackedDatumOnNode(id, referenceData, tracker)).ToList(), timeout);
        nodesUsed.UnionWith(tracked.Select(t => t.Node));
        Console.WriteLine($"   Run {run}: counts [{string.Join(", ", tracker.Counts().Get(timeout))}] after {clock.Elapsed.TotalSeconds:0.000} s");
    }

    Console.WriteLine($"Tasks ran on {nodesUsed.Count} of {cluster.Nodes.Count} nodes.");
    if (nodesUsed.Count < 2)
    {
        Console.Error.WriteLine("Expected the tasks to spread over more than one node.");
        return 1;
    }
}
finally
{
    Ray.Shutdown();
    cluster.Dispose();
    Console.WriteLine($"Stopped {cluster.Nodes.Count} nodes (their logs: {cluster.LogDirectory}).");
}

return 0;
