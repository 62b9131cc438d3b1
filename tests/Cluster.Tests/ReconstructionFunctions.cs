using System.Collections.Concurrent;
using System.Collections.Generic;
using RaySharp;

namespace RaySharp.Cluster.Tests;

/// <summary>The remote functions of the lineage tests: large results, each run counted by a key the test chooses.</summary>
public static partial class ReconstructionFunctions
{
    /// <summary>Runs of each key, over every node of the process.</summary>
    public static ConcurrentDictionary<string, int> Runs { get; } = new();

    /// <summary>On any worker (2 or 3), taking no CPU: every task goes to the same worker, the first in the placement's order.</summary>
    public static TaskOptions OnAWorker { get; } = new() { NumCpus = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };

    /// <summary>Runs of <paramref name="key"/> so far.</summary>
    public static int RunsOf(string key) => Runs.GetValueOrDefault(key);

    /// <summary><see cref="ObjectFunctions.Bytes"/> of <paramref name="length"/> and <paramref name="seed"/>, counted under <paramref name="key"/>.</summary>
    [RayRemote]
    public static byte[] LargeObject(int length, int seed, string key)
    {
        Runs.AddOrUpdate(key, 1, static (_, runs) => runs + 1);
        return ObjectFunctions.Bytes(length, seed);
    }

    /// <summary>A copy of <paramref name="data"/> with its first byte one higher, counted under <paramref name="key"/>.</summary>
    [RayRemote]
    public static byte[] Chain(byte[] data, string key)
    {
        Runs.AddOrUpdate(key, 1, static (_, runs) => runs + 1);
        var next = (byte[])data.Clone();
        next[0]++;
        return next;
    }

    /// <summary>The expected value after <paramref name="steps"/> <see cref="Chain"/>s of <see cref="LargeObject"/>.</summary>
    public static byte[] Expected(int length, int seed, int steps)
    {
        var data = ObjectFunctions.Bytes(length, seed);
        data[0] = (byte)(data[0] + steps);
        return data;
    }
}
