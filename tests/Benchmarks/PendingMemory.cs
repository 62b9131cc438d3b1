using System;
using System.Diagnostics;
using System.Threading;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Benchmarks;

/// <summary>
/// <c>--pending-memory [count]</c>: the memory a queued task costs. A runtime with one CPU runs a task that blocks
/// on a gate, so every task submitted after it waits in the scheduler for that CPU. The live heap is measured with
/// <see cref="GC.GetTotalMemory(bool)"/> before and after submitting <c>count</c> tasks (default 1,000,000); then
/// the gate opens and the queue drains. Measured once for a one-int-argument task and once for a task with no
/// arguments, each in a fresh runtime.
/// </summary>
internal static class PendingMemory
{
    private const double GoalBytes = 200;

    public static int Run(string[] args)
    {
        var count = CommandLine.IntAfter(args, "--pending-memory") ?? 1_000_000;

        Console.WriteLine($"Pending-task memory: {count:N0} tasks queued behind one blocked task, NumCpus = 1, {Environment.ProcessorCount} cores, .NET {Environment.Version}, GC server={System.Runtime.GCSettings.IsServerGC}.");
        Warm();
        PrintParts();
        var passed = true;
        passed &= Measure(count, "Echo(int x), new Args<int>(i)", static i => new TaskSpec(BenchFunctions.Echo, new Args<int>(i)), expectedValue: static i => i);
        passed &= Measure(count, "Zero(), TaskArgs.None", static _ => new TaskSpec(BenchFunctions.Zero, TaskArgs.None), expectedValue: static _ => 0);
        Console.WriteLine(passed ? $"Goal (<= {GoalBytes} bytes per pending task, refs array excluded): met." : $"Goal (<= {GoalBytes} bytes per pending task, refs array excluded): NOT met.");
        return 0;
    }

    /// <summary>
    /// Prints the size of each object a pending <c>Echo(int)</c> task is made of, measured one allocation at a time
    /// (the ref the caller gets is the result's entry itself);
    /// what the whole takes beyond them is the task itself and its slot in the scheduler's queue.
    /// </summary>
    private static void PrintParts()
    {
        var args = Allocated(static () => new Args<int>(1));
        var entry = Allocated(static () => new Objects.ObjectEntry<int>(new ObjectId(1, 1)));
        Console.WriteLine($"  parts of an Echo(int) task: args {args} B, result entry (the ref) {entry} B; the rest is the task and its queue slot");
    }

    private static long Allocated(Func<object> create)
    {
        GC.KeepAlive(create()); // JIT first
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(create());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Runs the submit, queue and drain paths once so that JIT work is not measured.</summary>
    private static void Warm()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        for (var round = 0; round < 3; round++)
        {
            Submit(runtime, 10_000, static i => new TaskSpec(BenchFunctions.Echo, new Args<int>(i)), static _ => { });
            Submit(runtime, 10_000, static _ => new TaskSpec(BenchFunctions.Zero, TaskArgs.None), static _ => { });
        }
    }

    private static void Submit(RayRuntime runtime, int count, Func<int, TaskSpec> spec, Action<ObjectRef<int>[]> whileQueued)
    {
        using var gate = new ManualResetEventSlim(false);
        BenchFunctions.Gate = gate;
        var blocker = runtime.Submit<int>(new TaskSpec(BenchFunctions.Block, TaskArgs.None));
        var refs = new ObjectRef<int>[count];
        for (var i = 0; i < count; i++)
        {
            refs[i] = runtime.Submit<int>(spec(i));
        }

        whileQueued(refs);
        gate.Set();
        blocker.Get();
        Ray.Get(refs);
    }

    private static bool Measure(int count, string label, Func<int, TaskSpec> spec, Func<int, int> expectedValue)
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        using var gate = new ManualResetEventSlim(false);
        BenchFunctions.Gate = gate;
        var blocker = runtime.Submit<int>(new TaskSpec(BenchFunctions.Block, TaskArgs.None));

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var refs = new ObjectRef<int>[count];
        var submitTime = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            refs[i] = runtime.Submit<int>(spec(i));
        }

        submitTime.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var queuedCpu = runtime.AvailableResources()["CPU"];
        var notStarted = 0;
        foreach (var reference in refs)
        {
            notStarted += reference.IsReady ? 0 : 1;
        }

        var arrayBytes = (long)count * IntPtr.Size;
        var perTask = (double)(after - before) / count;
        var perTaskWithoutArray = (double)(after - before - arrayBytes) / count;

        var drainTime = Stopwatch.StartNew();
        gate.Set();
        blocker.Get();
        var values = Ray.Get(refs);
        drainTime.Stop();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != expectedValue(i))
            {
                throw new InvalidOperationException($"Task {i} returned {values[i]}, not {expectedValue(i)}.");
            }
        }

        GC.KeepAlive(refs);
        Console.WriteLine();
        Console.WriteLine($"  task: {label}");
        Console.WriteLine($"  still queued when measured:        {notStarted:N0} of {count:N0} (free CPU: {queuedCpu})");
        Console.WriteLine($"  live heap before / after:          {before:N0} / {after:N0} bytes");
        Console.WriteLine($"  bytes per pending task:            {perTask:F1} (including the 8-byte slot of the refs array)");
        Console.WriteLine($"  bytes per pending task, no array:  {perTaskWithoutArray:F1}");
        Console.WriteLine($"  allocated on the submitting thread: {(double)allocated / count:F1} bytes per submit (array included)");
        Console.WriteLine($"  submit rate while queueing:        {count / submitTime.Elapsed.TotalSeconds:N0} tasks/s ({submitTime.Elapsed.TotalMilliseconds:N0} ms)");
        Console.WriteLine($"  drain rate on 1 CPU:               {count / drainTime.Elapsed.TotalSeconds:N0} tasks/s ({drainTime.Elapsed.TotalMilliseconds:N0} ms)");
        return perTaskWithoutArray <= GoalBytes;
    }
}
