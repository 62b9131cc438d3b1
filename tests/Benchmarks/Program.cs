using System;
using BenchmarkDotNet.Running;

namespace RaySharp.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet benchmarks (any BenchmarkDotNet arguments, for example <c>--filter '*' --job short</c>),
/// or with <c>--pending-memory [count]</c> the memory measurement of queued tasks.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (Array.IndexOf(args, "--pending-memory") >= 0)
        {
            return PendingMemory.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
