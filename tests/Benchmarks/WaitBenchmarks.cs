using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace RaySharp.Benchmarks;

/// <summary>
/// ray_perf.py "single client wait 1k refs": one <c>Ray.Wait</c> for all of 1,000 ready refs (numReturns = 1000).
/// Reported per call. Baseline: <see cref="Task.WaitAll(Task[])"/> over 1,000 completed tasks, the .NET way of
/// waiting until 1,000 things are done.
/// </summary>
[MemoryDiagnoser]
public class SingleClientWait1kRefs
{
    private const int Count = 1_000;
    private RayRuntime _runtime = null!;
    private ObjectRef<int>[] _refs = null!;
    private Task[] _tasks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _refs = new ObjectRef<int>[Count];
        _tasks = new Task[Count];
        for (var i = 0; i < Count; i++)
        {
            _refs[i] = _runtime.Put(i);
            _tasks[i] = Task.FromResult(i);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "single_client_wait_1k_refs: Ray.Wait(1,000 ready, numReturns: 1000)")]
    public int Wait()
    {
        var (ready, _) = Ray.Wait(_refs, numReturns: Count);
        return ready.Count;
    }

    [Benchmark(Baseline = true, Description = "baseline: Task.WaitAll(1,000 completed tasks)")]
    public int WaitAll()
    {
        Task.WaitAll(_tasks);
        return _tasks.Length;
    }
}

/// <summary>
/// Drains N ready refs one at a time with <c>(var ready, refs) = Ray.Wait(refs)</c>, the loop Ray programs use to
/// process results as they arrive. Passing the not-ready view back continues the same wait set, so the whole
/// drain must cost O(N log N). Reported per drain (divide by N for the cost of one Wait).
/// Baseline: the same drain written naively: a <see cref="List{T}"/> from which each step removes the first ready
/// ref with <see cref="List{T}.RemoveAt"/>. Every ref is ready, so the search is O(1) and each step costs one
/// O(N) shift: the cheapest O(N)-per-call drain, O(N²) in total.
/// The List and array forms (<c>refs</c> a <c>List</c> or an array) copy the rest on every call, O(N) each: they are
/// measured against both.
/// The refs are made once in [GlobalSetup]: draining does not consume them, so setup stays out of the measurement.
/// </summary>
[MemoryDiagnoser]
public class SingleClientWaitDrain
{
    private RayRuntime _runtime = null!;
    private ObjectRef<int>[] _refs = null!;

    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _refs = new ObjectRef<int>[N];
        for (var i = 0; i < N; i++)
        {
            _refs[i] = _runtime.Put(i);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "drain: (ready, refs) = Ray.Wait(refs) until empty")]
    public long WaitDrain()
    {
        IReadOnlyList<ObjectRef<int>> refs = _refs;
        long sum = 0;
        while (refs.Count > 0)
        {
            (var ready, refs) = Ray.Wait(refs);
            sum += ready[0].Get();
        }

        return sum;
    }

    [Benchmark(Description = "drain: (ready, refs) = Ray.Wait(refs) with refs a List<ObjectRef<int>>")]
    public long WaitDrainList()
    {
        var refs = new List<ObjectRef<int>>(_refs);
        long sum = 0;
        while (refs.Count > 0)
        {
            (var ready, refs) = Ray.Wait(refs);
            sum += ready[0].Get();
        }

        return sum;
    }

    [Benchmark(Description = "drain: (ready, refs) = Ray.Wait(refs) with refs an ObjectRef<int>[]")]
    public long WaitDrainArray()
    {
        var refs = _refs;
        long sum = 0;
        while (refs.Length > 0)
        {
            (var ready, refs) = Ray.Wait(refs);
            sum += ready[0].Get();
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "baseline: naive drain, List + RemoveAt(first ready)")]
    public long NaiveDrain()
    {
        var refs = new List<ObjectRef<int>>(_refs);
        long sum = 0;
        while (refs.Count > 0)
        {
            var i = 0;
            while (!refs[i].IsReady)
            {
                i++;
            }

            var ready = refs[i];
            refs.RemoveAt(i);
            sum += ready.Get();
        }

        return sum;
    }
}
