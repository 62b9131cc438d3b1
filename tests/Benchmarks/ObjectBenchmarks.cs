using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace RaySharp.Benchmarks;

/// <summary>
/// ray_perf.py "single client put calls" for a small immutable value (an int).
/// Baseline: a <see cref="TaskCompletionSource{TResult}"/> created and completed with the value, which is what a
/// put produces in-process too: a fresh completion cell that is ready at once.
/// </summary>
[MemoryDiagnoser]
public class SingleClientPutCalls
{
    private RayRuntime _runtime = null!;
    private int _x;

    [GlobalSetup]
    public void Setup() => _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "single_client_put_calls: runtime.Put(int)")]
    public ObjectRef<int> Put() => _runtime.Put(_x++);

    [Benchmark(Baseline = true, Description = "baseline: new TaskCompletionSource<int>() + SetResult")]
    public Task<int> CompletionSource()
    {
        var source = new TaskCompletionSource<int>();
        source.SetResult(_x++);
        return source.Task;
    }
}

/// <summary>
/// ray_perf.py "single client get calls" for a small immutable value: read 1,000 ready refs made by Put.
/// Reported per get. Baseline: <see cref="Task{TResult}.Result"/> of 1,000 completed tasks.
/// </summary>
[MemoryDiagnoser]
public class SingleClientGetCalls
{
    private const int Count = 1_000;
    private RayRuntime _runtime = null!;
    private ObjectRef<int>[] _refs = null!;
    private Task<int>[] _tasks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _refs = new ObjectRef<int>[Count];
        _tasks = new Task<int>[Count];
        for (var i = 0; i < Count; i++)
        {
            _refs[i] = _runtime.Put(i);
            var source = new TaskCompletionSource<int>();
            source.SetResult(i);
            _tasks[i] = source.Task;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(OperationsPerInvoke = Count, Description = "single_client_get_calls: ref.Get() on a put int")]
    public long Get()
    {
        long sum = 0;
        foreach (var reference in _refs)
        {
            sum += reference.Get();
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "baseline: completed Task<int>.Result")]
    public long TaskResult()
    {
        long sum = 0;
        foreach (var task in _tasks)
        {
            sum += task.Result;
        }

        return sum;
    }
}
