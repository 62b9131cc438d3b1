using System;
using System.Threading;
using RaySharp;

namespace RaySharp.Cluster.Tests;

/// <summary>A value and the node that computed it.</summary>
public sealed record Placed(int Value, string Node);

/// <summary>The remote functions the cluster tests run; each reports the node it ran on.</summary>
public static partial class ClusterFunctions
{
    /// <summary>Opened by a test to let every <see cref="Hold"/> task finish.</summary>
    public static ManualResetEventSlim Gate { get; set; } = new(false);

    /// <summary>Signalled once per <see cref="Hold"/> task that started.</summary>
    public static CountdownEvent Started { get; set; } = new(0);

    private static long s_spinRuns;

    /// <summary>How many times <see cref="SpinSquare"/> ran, on any node of this process.</summary>
    public static long SpinRuns => Interlocked.Read(ref s_spinRuns);

    [RayRemote]
    public static string WhereAmI() => Ray.GetRuntimeContext().NodeId;

    [RayRemote]
    public static Placed Square(int x) => new(x * x, Ray.GetRuntimeContext().NodeId);

    /// <summary>A square with some work (about a tenth of a millisecond), so that a wave of them is still running when a node is killed.</summary>
    [RayRemote]
    public static Placed SpinSquare(int x)
    {
        Interlocked.Increment(ref s_spinRuns);
        Thread.SpinWait(20_000);
        return new(x * x, Ray.GetRuntimeContext().NodeId);
    }

    [RayRemote]
    public static Placed AddOne(Placed input) => new(input.Value + 1, Ray.GetRuntimeContext().NodeId);

    [RayRemote]
    public static Placed Sum(int a, int b, int c) => new(a + b + c, Ray.GetRuntimeContext().NodeId);

    [RayRemote]
    public static int Fail(string message) => throw new InvalidOperationException(message);

    /// <summary>Holds a CPU until the test opens <see cref="Gate"/>; bounded, so a broken test cannot hang.</summary>
    [RayRemote]
    public static string Hold()
    {
        Started.Signal();
        if (!Gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never opened the gate");
        }

        return Ray.GetRuntimeContext().NodeId;
    }
}
