using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Benchmarks;

/// <summary>
/// ray_perf.py "single client tasks sync": submit one trivial task and wait for its result, over and over.
/// Each row is one round trip. Baselines: the same round trip through <see cref="Task.Run{TResult}(Func{TResult})"/>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SingleClientTasksSync
{
    private RayRuntime _runtime = null!;
    private int _x = 42;

    [GlobalSetup]
    public void Setup() => _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "single_client_tasks_sync: Submit + Get")]
    [BenchmarkCategory("blocking")]
    public int SubmitGet() => _runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(_x++))).Get();

    [Benchmark(Baseline = true, Description = "baseline: Task.Run(() => x).Result")]
    [BenchmarkCategory("blocking")]
    public int TaskRunResult()
    {
        var x = _x++;
        return Task.Run(() => x).Result;
    }

    [Benchmark(Description = "single_client_tasks_sync: await Submit")]
    [BenchmarkCategory("await")]
    public async Task<int> SubmitAwait() => await _runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(_x++)));

    [Benchmark(Baseline = true, Description = "baseline: await Task.Run(() => x)")]
    [BenchmarkCategory("await")]
    public async Task<int> TaskRunAwait()
    {
        var x = _x++;
        return await Task.Run(() => x);
    }
}

/// <summary>
/// ray_perf.py "single client tasks async": submit 1,000 trivial tasks, then get all results.
/// Reported per task. Baseline: 1,000 <see cref="Task.Run{TResult}(Func{TResult})"/> and <see cref="Task.WaitAll(Task[])"/>.
/// </summary>
[MemoryDiagnoser]
public class SingleClientTasksAsync
{
    internal const int Count = 1_000;
    private RayRuntime _runtime = null!;

    /// <summary>The runtime's CPUs: the machine's cores, unless <see cref="TasksPaired"/> asks for fewer.</summary>
    internal int NumCpus { get; init; } = Environment.ProcessorCount;

    /// <summary>The runtime the batches submit to, once <see cref="Setup"/> ran.</summary>
    internal RayRuntime Runtime => _runtime;

    [GlobalSetup]
    public void Setup() => _runtime = new RayRuntime(new RayOptions { NumCpus = NumCpus });

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(OperationsPerInvoke = Count, Description = "single_client_tasks_async: 1,000 Submit + Ray.Get(list)")]
    public int SubmitThenGetAll()
    {
        var refs = new ObjectRef<int>[Count];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = _runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(i)));
        }

        return Ray.Get(refs)[Count - 1];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "baseline: 1,000 Task.Run + Task.WaitAll")]
    public int TaskRunWaitAll()
    {
        var tasks = new Task<int>[Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var x = i;
            tasks[i] = Task.Run(() => x);
        }

        Task.WaitAll(tasks);
        var values = new int[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = tasks[i].Result;
        }

        return values[Count - 1];
    }
}

/// <summary>
/// A chain of 1,000 dependent tasks: task i takes the ref of task i-1 as its argument, so the runtime starts it
/// only when its input is ready. The driver submits the whole chain at once, then gets the last result.
/// Reported per link. Baseline: the same chain built with <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult})"/>.
/// </summary>
[MemoryDiagnoser]
public class TasksWithDependencies
{
    private const int Length = 1_000;
    private RayRuntime _runtime = null!;

    [GlobalSetup]
    public void Setup() => _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(OperationsPerInvoke = Length, Description = "dependency chain: 1,000 Submit(ref of previous) + Get(last)")]
    public int Chain()
    {
        var last = _runtime.Submit<int>(new TaskSpec(BenchFunctions.Increment, new Args<int>(0)));
        for (var i = 1; i < Length; i++)
        {
            last = _runtime.Submit<int>(new TaskSpec(BenchFunctions.Increment, new Args<int>(last)));
        }

        return Check(last.Get());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Length, Description = "baseline: Task.Run + 999 ContinueWith + Result")]
    public int ContinueWithChain()
    {
        var last = Task.Run(static () => 0 + 1);
        for (var i = 1; i < Length; i++)
        {
            last = last.ContinueWith(static previous => previous.Result + 1, TaskScheduler.Default);
        }

        return Check(last.Result);
    }

    private static int Check(int value) =>
        value == Length ? value : throw new InvalidOperationException($"The chain returned {value}, not {Length}.");
}
