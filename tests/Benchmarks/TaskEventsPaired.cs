using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RaySharp.CompilerServices;

namespace RaySharp.Benchmarks;

/// <summary>
/// <c>--task-events [rounds]</c>: task events on against off, paired. One runtime runs the whole time (its worker
/// threads, store and queues shared by both sides), and its task events are turned on and off between batches: each
/// round times batches of 10,000 pipelined trivial tasks (submit all, then <c>Ray.Get</c> of all) with events on and
/// off, in turn (the order alternates from round to round). The event log is kept between rounds, so its rings have
/// grown to their size, as in a long-running app. Pairing the two within a round cancels most of the load that other
/// work puts on a shared machine, which a BenchmarkDotNet run of one configuration after the other does not. Prints
/// the median ns per task of each and the median of the per-round ratios (on ÷ off). With <c>--precise</c>, the
/// events read the precise clock (<see cref="RayOptions.PreciseTaskTimes"/>).
/// </summary>
internal static class TaskEventsPaired
{
    private const int BatchSize = 10_000;
    private const int BatchesPerRound = 5;

    public static int Run(string[] args)
    {
        var rounds = CommandLine.IntAfter(args, "--task-events") ?? 20;

        var precise = args.Contains("--precise");
        Console.WriteLine($"Task events on vs off ({(precise ? "precise" : "coarse")} clock): {rounds} rounds x {BatchesPerRound} batches of {BatchSize:N0} pipelined tasks, NumCpus = {Environment.ProcessorCount}, .NET {Environment.Version}.");
        using var runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount, EnableTaskEvents = true, PreciseTaskTimes = precise });
        var backend = (Backend.LocalBackend)runtime.Backend;
        var log = backend.Events!;
        double Measure(bool events)
        {
            backend.Events = events ? log : null;
            return TaskEventsPaired.Measure(runtime);
        }

        Measure(true);
        Measure(false); // warm both paths up
        var on = new List<double>();
        var off = new List<double>();
        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            double withEvents, without;
            if (round % 2 == 0)
            {
                withEvents = Measure(true);
                without = Measure(false);
            }
            else
            {
                without = Measure(false);
                withEvents = Measure(true);
            }

            on.Add(withEvents);
            off.Add(without);
            ratios.Add(withEvents / without);
            Console.WriteLine($"round {round + 1,2}: on {withEvents,7:F1} ns/task, off {without,7:F1} ns/task, on/off {withEvents / without:F3}");
        }

        Console.WriteLine($"median: on {Statistics.Median(on):F1} ns/task, off {Statistics.Median(off):F1} ns/task; median of the per-round ratios on/off = {Statistics.Median(ratios):F3}");
        Console.WriteLine($"recording alone (submit, start and end events of one task, one thread): {RecordingCost(precise):F1} ns/task");
        return 0;
    }

    /// <summary>The median ns per task of batches on <paramref name="runtime"/>.</summary>
    private static double Measure(RayRuntime runtime)
    {
        var refs = new ObjectRef<int>[BatchSize];
        var times = new List<double>();
        for (var batch = 0; batch < BatchesPerRound; batch++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(i)));
            }

            var values = Ray.Get(refs);
            clock.Stop();
            if (values[BatchSize - 1] != BatchSize - 1)
            {
                throw new InvalidOperationException("a task returned the wrong value");
            }

            times.Add(clock.Elapsed.TotalNanoseconds / BatchSize);
        }

        return Statistics.Median(times);
    }

    /// <summary>The three event writes of one task, in a loop on one thread: their CPU cost without the scheduler's noise.</summary>
    private static double RecordingCost(bool precise)
    {
        var log = new Observability.TaskEventLog(precise);
        var times = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 1UL; i <= 1_000_000; i++)
            {
                log.Submitted(i, "Bench.Echo", TaskType.NormalTask, 0, 0);
                log.Started(i, leavesQueue: true);
                log.Ended(i, failure: null, leavesQueue: false, next: 0);
            }

            times.Add(clock.Elapsed.TotalNanoseconds / 1_000_000);
        }

        return Statistics.Median(times);
    }
}
