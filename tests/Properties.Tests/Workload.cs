using System;
using System.Collections.Concurrent;
using System.Threading;

namespace RaySharp.Properties.Tests;

/// <summary>The remote functions the generated workloads are built from.</summary>
public static partial class Workload
{
    private static readonly ConcurrentDictionary<int, ManualResetEventSlim> Gates = new();
    private static int s_nextGate;

    /// <summary>A node of a task graph: its value plus its two inputs, or <see cref="NodeFailedException"/> when told to fail.</summary>
    [RayRemote]
    public static int Node(int id, int value, bool fails, int a, int b) => fails ? throw new NodeFailedException(id) : value + a + b;

    [RayRemote]
    public static int Identity(int value) => value;

    /// <summary>Blocks until the test opens gate <paramref name="gate"/> (bounded, so a forgotten gate fails the case).</summary>
    [RayRemote]
    public static int Blocked(int gate) =>
        Gates[gate].Wait(PropertyRuns.Patience) ? 0 : throw new TimeoutException($"gate {gate} was never opened");

    public static int NewGate()
    {
        var id = Interlocked.Increment(ref s_nextGate);
        Gates[id] = new ManualResetEventSlim();
        return id;
    }

    public static void Open(int gate)
    {
        Gates[gate].Set(); // kept in the table: a task that starts later must still find it open
    }
}

/// <summary>The failure a generated node throws; <see cref="Node"/> names it, so a test can tell which root failed.</summary>
public sealed class NodeFailedException(int node) : Exception($"node {node} failed")
{
    public int Node { get; } = node;
}
