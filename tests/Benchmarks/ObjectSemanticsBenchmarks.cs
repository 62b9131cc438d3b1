using System;
using BenchmarkDotNet.Attributes;

namespace RaySharp.Benchmarks;

/// <summary>
/// ray_perf.py "put_gigabytes": <c>Put</c> of an 800 MB <see cref="ReadOnlyMemory{T}"/> of <c>long</c>, which copies the
/// buffer once into store-owned memory (the caller keeps a writable alias). Baseline: <see cref="Buffer.MemoryCopy"/>
/// of the same 800 MB into a preallocated, already touched array. Goal: Put at least 0.8x the baseline's bandwidth.
/// </summary>
[MemoryDiagnoser(false)]
public class PutGigabytes
{
    private const int Length = 100_000_000; // 800 MB of long
    private RayRuntime _runtime = null!;
    private long[] _source = null!;
    private long[] _destination = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _source = new long[Length];
        _destination = new long[Length];
        for (var i = 0; i < Length; i++)
        {
            _source[i] = i;
            _destination[i] = -i;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "put_gigabytes: runtime.Put(ReadOnlyMemory<long>), 800 MB")]
    public ObjectRef<ReadOnlyMemory<long>> Put() => _runtime.Put<ReadOnlyMemory<long>>(_source);

    [Benchmark(Baseline = true, Description = "baseline: Buffer.MemoryCopy, 800 MB into a touched array")]
    public unsafe long MemoryCopy()
    {
        const long Bytes = (long)Length * sizeof(long);
        fixed (long* source = _source)
        fixed (long* destination = _destination)
        {
            Buffer.MemoryCopy(source, destination, Bytes, Bytes);
        }

        return _destination[Length - 1];
    }
}

/// <summary>
/// <c>Get</c> of a zero-copy object is O(1): a 1 GB read-only buffer (stored with <c>PutOwned</c>) against a 1 KB one.
/// Reported per get. Goal: the 1 GB get costs at most 2x the 1 KB get.
/// </summary>
public class GetZeroCopy
{
    private const int Gets = 1_000;
    private RayRuntime _runtime = null!;
    private ObjectRef<ReadOnlyMemory<long>> _large = null!;
    private ObjectRef<ReadOnlyMemory<long>> _small = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _large = _runtime.PutOwned(new long[1 << 27]); // 1 GB
        _small = _runtime.PutOwned(new long[128]); // 1 KB
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Gets, Description = "get of a 1 KB zero-copy object")]
    public long GetSmall() => Read(_small);

    [Benchmark(OperationsPerInvoke = Gets, Description = "get of a 1 GB zero-copy object")]
    public long GetLarge() => Read(_large);

    private static long Read(ObjectRef<ReadOnlyMemory<long>> reference)
    {
        long length = 0;
        for (var i = 0; i < Gets; i++)
        {
            length += reference.Get().Length;
        }

        return length;
    }
}
