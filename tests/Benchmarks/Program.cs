using System;
using BenchmarkDotNet.Running;

namespace RaySharp.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet benchmarks (any BenchmarkDotNet arguments, for example <c>--filter '*' --job short</c>),
/// or with <c>--pending-memory [count]</c> the memory measurement of queued tasks, or with <c>--task-events [rounds]</c>
/// task events on against off, paired round by round, or with <c>--tasks-paired [rounds]</c> pipelined tasks against
/// <c>Task.Run</c>, paired batch by batch.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (Array.IndexOf(args, "--pending-memory") >= 0)
        {
            return PendingMemory.Run(args);
        }

        if (Array.IndexOf(args, "--tasks-paired") >= 0)
        {
            return TasksPaired.Run(args);
        }

        if (Array.IndexOf(args, "--task-events") >= 0)
        {
            return TaskEventsPaired.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
