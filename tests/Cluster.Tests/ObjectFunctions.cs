using System;
using RaySharp;

namespace RaySharp.Cluster.Tests;

/// <summary>A digest of a byte array and the node that computed it.</summary>
public sealed record Digest(long Sum, int Length, string Node)
{
    public static long SumOf(byte[] data)
    {
        long sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            sum += data[i] * (long)((i % 251) + 1);
        }

        return sum;
    }
}

/// <summary>The remote functions of the object tests: large arguments and results.</summary>
public static partial class ObjectFunctions
{
    [RayRemote]
    public static Digest Summarize(byte[] data) => new(Digest.SumOf(data), data.Length, Ray.GetRuntimeContext().NodeId);

    [RayRemote]
    public static byte[] Echo(byte[] data) => data;

    [RayRemote]
    public static byte[] Make(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Random bytes, the same for the same seed.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}

/// <summary>A task that holds a large argument until the test lets it finish.</summary>
public static partial class HoldingFunctions
{
    public static System.Threading.ManualResetEventSlim Gate { get; set; } = new(false);

    public static System.Threading.ManualResetEventSlim Started { get; set; } = new(false);

    [RayRemote]
    public static Digest SummarizeWhenLetGo(byte[] data)
    {
        Started.Set();
        if (!Gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never opened the gate");
        }

        return new(Digest.SumOf(data), data.Length, Ray.GetRuntimeContext().NodeId);
    }
}
