using System;
using System.Collections.Generic;
using System.Linq;
using RaySharp;

namespace ParameterServer;

/// <summary>The worker side: remote tasks that pull weights from every shard, compute a gradient, and push it back.</summary>
public static partial class Training
{
    /// <summary>Synchronous step: one gradient on the worker's partition at the given weights.</summary>
    [RayRemote]
    public static double[] ComputeGradient(double[] weights, Dataset partition) => partition.Gradient(weights);

    /// <summary>Asynchronous worker: pulls, computes and pushes <paramref name="steps"/> times without waiting for the others.</summary>
    [RayRemote]
    public static int RunWorker(ParameterShard.Handle[] shards, Dataset partition, int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            var weights = Pull(shards);
            var gradient = partition.Gradient(weights);
            var pushes = Split(gradient, shards.Length).Select((slice, s) => shards[s].Push(slice)).ToList();
            Ray.Get(pushes, TimeSpan.FromSeconds(30));
        }

        return steps;
    }

    /// <summary>The full weight vector: every shard's slice, in order.</summary>
    public static double[] Pull(IReadOnlyList<ParameterShard.Handle> shards) =>
        Ray.Get(shards.Select(s => s.Pull()).ToList(), TimeSpan.FromSeconds(30)).SelectMany(slice => slice).ToArray();

    /// <summary>Cuts a vector into <paramref name="parts"/> consecutive slices, the way the shards hold it.</summary>
    public static IEnumerable<double[]> Split(double[] vector, int parts)
    {
        var size = (vector.Length + parts - 1) / parts;
        for (var start = 0; start < vector.Length; start += size)
        {
            yield return vector[start..Math.Min(vector.Length, start + size)];
        }
    }
}
