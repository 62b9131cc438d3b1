using System;
using System.Threading;

namespace RaySharp.Dashboard.Tests;

// Ordinary C# with [RayRemote], as an application would show on its dashboard.
public static partial class Work
{
    /// <summary>Holds <see cref="Hold"/> tasks until a test opens it.</summary>
    public static readonly ManualResetEventSlim Gate = new();

    [RayRemote]
    public static int Square(int x) => x * x;

    [RayRemote]
    public static int Explode(int x) => throw new InvalidOperationException($"exploded on {x}");

    [RayRemote]
    public static bool Hold() => Gate.Wait(TimeSpan.FromSeconds(60));
}

[RayRemote]
public partial class Tally
{
    private int _total;

    public int Add(int by) => _total += by;
}
