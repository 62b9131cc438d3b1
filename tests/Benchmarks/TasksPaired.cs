using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RaySharp.CompilerServices;

namespace RaySharp.Benchmarks;

/// <summary>
/// <c>--tasks-paired [rounds] [--cpus n]</c>: <see cref="SingleClientTasksAsync"/>'s two bodies (1,000 submits then
/// <c>Ray.Get</c> of all, against 1,000 <c>Task.Run</c> then <c>Task.WaitAll</c>) timed in turn in one process, batch
/// by batch, so both see the same load and the same thread pool. Prints each round's median ns per task of both and
/// their throughput ratio (Task.Run's time ÷ RaySharp's), then the medians. Then it splits RaySharp's batch in two:
/// the submits alone (while tasks that wait on a gate hold every CPU, so no worker runs beside the submitter), and the
/// runs alone (the gate opens; the workers run the 1,000 queued tasks while the submitter waits in <c>Ray.Get</c>).
/// </summary>
internal static class TasksPaired
{
    private const int Count = SingleClientTasksAsync.Count;
    private const int BatchesPerRound = 200;
    private const int WarmUpRounds = 6;
    private const int SplitBatches = 2_000;

    public static int Run(string[] args)
    {
        var rounds = CommandLine.IntAfter(args, "--tasks-paired") ?? 10;
        var cpus = CommandLine.IntAfter(args, "--cpus") ?? Environment.ProcessorCount;
        var benchmark = new SingleClientTasksAsync { NumCpus = cpus };
        benchmark.Setup();
        Console.WriteLine($"Pipelined trivial tasks, RaySharp against Task.Run: {rounds} rounds x {BatchesPerRound} batches of {Count:N0}, taken in turn, "
            + $"NumCpus = {cpus} of {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        var ours = new List<double>();
        var baseline = new List<double>();
        var ratios = new List<double>();
        for (var round = -WarmUpRounds; round < rounds; round++)
        {
            var oursTimes = new List<double>();
            var baselineTimes = new List<double>();
            for (var batch = 0; batch < BatchesPerRound; batch++)
            {
                // The order alternates, so neither side always runs on the pool the other just left.
                if (batch % 2 == 0)
                {
                    oursTimes.Add(Time(() => Check(benchmark.SubmitThenGetAll())));
                    baselineTimes.Add(Time(() => Check(benchmark.TaskRunWaitAll())));
                }
                else
                {
                    baselineTimes.Add(Time(() => Check(benchmark.TaskRunWaitAll())));
                    oursTimes.Add(Time(() => Check(benchmark.SubmitThenGetAll())));
                }
            }

            if (round >= 0)
            {
                var (raySharp, taskRun) = (Statistics.Median(oursTimes), Statistics.Median(baselineTimes));
                ours.Add(raySharp);
                baseline.Add(taskRun);
                ratios.Add(taskRun / raySharp);
                Console.WriteLine($"round {round + 1,3}: RaySharp {raySharp,6:F1} ns/task, Task.Run {taskRun,6:F1} ns/task, throughput ratio {taskRun / raySharp:F2}");
            }
        }

        Console.WriteLine($"median: RaySharp {Statistics.Median(ours):F1} ns/task, Task.Run {Statistics.Median(baseline):F1} ns/task, median throughput ratio {Statistics.Median(ratios):F2}");
        var (submits, runs) = Split(benchmark.Runtime, cpus);
        Console.WriteLine($"split (median of {SplitBatches:N0} batches): submits alone {submits:F1} ns/task, runs alone on {cpus} worker(s) {runs:F1} ns/task");
        benchmark.Cleanup();
        return 0;
    }

    /// <summary>The median ns per task of the submits alone and of the runs alone.</summary>
    private static (double Submits, double Runs) Split(RayRuntime runtime, int cpus)
    {
        var submits = new List<double>();
        var runs = new List<double>();
        var refs = new ObjectRef<int>[Count];
        for (var batch = 0; batch < SplitBatches; batch++)
        {
            using var gate = new ManualResetEventSlim(false);
            BenchFunctions.Gate = gate;
            var holders = Enumerable.Range(0, cpus).Select(_ => runtime.Submit<int>(new TaskSpec(BenchFunctions.Block, TaskArgs.None))).ToArray();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(i)));
            }

            submits.Add(clock.Elapsed.TotalNanoseconds / Count);
            clock.Restart();
            gate.Set();
            Check(Ray.Get(refs)[Count - 1]);
            runs.Add(clock.Elapsed.TotalNanoseconds / Count);
            Ray.Get(holders);
        }

        BenchFunctions.Gate = new ManualResetEventSlim(true);
        return (Statistics.Median(submits), Statistics.Median(runs));
    }

    private static double Time(Action batch)
    {
        var clock = Stopwatch.StartNew();
        batch();
        return clock.Elapsed.TotalNanoseconds / Count;
    }

    private static void Check(int last)
    {
        if (last != Count - 1)
        {
            throw new InvalidOperationException("a task returned the wrong value");
        }
    }
}
