using System;
using BenchmarkDotNet.Attributes;
using RaySharp.CompilerServices;

namespace RaySharp.Benchmarks;

/// <summary>
/// What the task events behind the state API, the timeline and the metrics cost (<see cref="RayOptions.EnableTaskEvents"/>):
/// the same trivial tasks with events on and off, in one run. Pipelined: 1,000 Submit, then Ray.Get of all (per task);
/// round trip: one Submit + Get. Run it alone with <c>--filter '*TaskEvents*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TaskEvents
{
    private const int Count = 1_000;
    private readonly ObjectRef<int>[] _refs = new ObjectRef<int>[Count];
    private RayRuntime _runtime = null!;
    private int _x;

    /// <summary>Task events on, or off (the default).</summary>
    [Params(true, false)]
    public bool Enabled { get; set; }

    [GlobalSetup]
    public void Setup() => _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount, EnableTaskEvents = Enabled });

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(OperationsPerInvoke = Count, Description = "pipelined: 1,000 Submit + Ray.Get(list), per task")]
    public int Pipelined()
    {
        for (var i = 0; i < _refs.Length; i++)
        {
            _refs[i] = _runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(i)));
        }

        return Ray.Get(_refs)[Count - 1];
    }

    [Benchmark(Description = "round trip: Submit + Get")]
    public int RoundTrip() => _runtime.Submit<int>(new TaskSpec(BenchFunctions.Echo, new Args<int>(_x++))).Get();
}
