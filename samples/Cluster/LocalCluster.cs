using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Cluster;

namespace ClusterSample;

/// <summary>
/// A head and worker nodes as separate processes of this machine, each this very program in node mode. Each node
/// watches this process (<c>--exit-with</c>) and stops when it ends, so no node outlives the sample, even on a crash.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);
    private readonly List<RayNodeProcess> _nodes = [];
    private int _disposed;

    private LocalCluster(string logDirectory) => LogDirectory = logDirectory;

    public string LogDirectory { get; }

    public RayNodeProcess Head => _nodes[0];

    public IReadOnlyList<RayNodeProcess> Nodes => _nodes;

    /// <summary>Starts the head, then <paramref name="workers"/> nodes at once; each offers <paramref name="cpusPerNode"/> CPUs.</summary>
    public static async Task<LocalCluster> StartAsync(int workers, int cpusPerNode)
    {
        var app = typeof(LocalCluster).Assembly.Location;
        var cluster = new LocalCluster(Directory.CreateTempSubdirectory("raysharp-cluster-sample-").FullName);
        try
        {
            string[] common = ["--num-cpus", cpusPerNode.ToString(CultureInfo.InvariantCulture), "--exit-with", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)];
            Console.Write("   starting the head node");
            cluster._nodes.Add(await RayNodeProcess.StartAsync(app, ["--head", "--port", "0", .. common], cluster.Log("head"), JoinTimeout, Dot));
            Console.WriteLine();
            Console.WriteLine($"   head node   pid {cluster.Head.Pid,-7} {cluster.Head.NodeId} (gateway {cluster.Head.Gateway})");
            Console.Write($"   starting {workers} worker nodes");
            var joining = Enumerable.Range(1, workers).Select(i => RayNodeProcess.StartAsync(
                app, ["--address", cluster.Head.Gateway, "--token", cluster.Head.Token, .. common], cluster.Log($"worker-{i}"), JoinTimeout, i == 1 ? Dot : null)).ToList();
            try
            {
                await Task.WhenAll(joining);
            }
            finally
            {
                Console.WriteLine();
                cluster._nodes.AddRange(joining.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            foreach (var node in cluster._nodes.Skip(1))
            {
                Console.WriteLine($"   worker node pid {node.Pid,-7} {node.NodeId}");
            }

            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Stops the workers, then the head (each SIGTERM, then a kill after 10 s).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var node in Enumerable.Reverse(_nodes))
        {
            node.Dispose();
        }
    }

    /// <summary>A dot a second while a node starts: progress that reads the same on a terminal and in a log.</summary>
    private static void Dot(int seconds) => Console.Write('.');

    private string Log(string name) => Path.Combine(LogDirectory, name + ".log");
}
