using System;
using System.Collections.Concurrent;
using System.Threading;

namespace RaySharp.Cluster.Tests;

/// <summary>Tasks for the node-death tests: each counts its runs and waits for the test's gate before it answers.</summary>
public static partial class NodeDeathFunctions
{
    /// <summary>Opened by a test once it has killed a node.</summary>
    public static ManualResetEventSlim Gate { get; set; } = new(true);

    /// <summary>Signalled once per run that started.</summary>
    public static CountdownEvent Started { get; set; } = new(0);

    /// <summary>How many times each input ran, on any node.</summary>
    public static ConcurrentDictionary<int, int> Runs { get; } = new();

    [RayRemote]
    public static Placed SquareAfterGate(int x)
    {
        Runs.AddOrUpdate(x, 1, (_, runs) => runs + 1);
        SignalStarted();
        if (!Gate.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("the test never opened the gate");
        }

        return new Placed(x * x, Ray.GetRuntimeContext().NodeId);
    }

    /// <summary>
    /// Runs on node 2 and submits a gated square there too, so node 2 owns its ref; returns the ref inside a list, for a
    /// node that borrows it from node 2.
    /// </summary>
    [RayRemote]
    public static System.Collections.Generic.List<ObjectRef<Placed>> OwnAGatedSquare(int x) =>
        [Remote.WithOptions(new TaskOptions { Resources = new System.Collections.Generic.Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } }).SquareAfterGate(x)];

    private static void SignalStarted()
    {
        var started = Started;
        if (!started.IsSet)
        {
            try
            {
                started.Signal();
            }
            catch (InvalidOperationException)
            {
                // Another run took the last count meanwhile.
            }
        }
    }
}
