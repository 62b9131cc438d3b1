using System;
using RaySharp;

namespace Consumer;

/// <summary>
/// The remote functions. The generator adds <c>Calc.Remote</c> (the stubs), the invoker, and a MessagePack formatter for
/// <see cref="Point"/>; <c>Calc.Add(2, 3)</c> still works as a direct call.
/// </summary>
public static partial class Calc
{
    [RayRemote]
    public static int Add(int a, int b) => a + b;

    [RayRemote]
    public static int Square(int x) => x * x;

    [RayRemote]
    public static int Scale(int id, int[] factors) => id * factors[id % factors.Length];

    [RayRemote]
    public static int Norm1(Point p) => Math.Abs(p.X) + Math.Abs(p.Y);
}

/// <summary>A user record in a remote signature: the generator writes its formatter, used by RaySerializer below.</summary>
public sealed record Point(int X, int Y);
