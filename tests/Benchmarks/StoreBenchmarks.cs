using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using BenchmarkDotNet.Attributes;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.CompilerServices;
using RaySharp.Serialization;

namespace RaySharp.Benchmarks;

/// <summary>
/// ray_perf.py "get object containing 10k refs": put a value holding 10,000 refs, then get it.
/// Baseline: copying the same 10,000 refs into a new <see cref="List{T}"/>. Three shapes of the value, one per copy policy.
/// </summary>
[MemoryDiagnoser]
public class GetObjectContaining10kRefs
{
    private const int Count = 10_000;
    private RayRuntime _runtime = null!;
    private readonly ArrayFormatter<ObjectRef<int>> _arrayFormatter = new();
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private List<ObjectRef<int>> _refs = null!;
    private ObjectRef<int>[] _array = null!;
    private ImmutableArray<ObjectRef<int>> _immutable;
    private IDisposable _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _refs = new List<ObjectRef<int>>(Count);
        for (var i = 0; i < Count; i++)
        {
            _refs.Add(_runtime.Put(i));
        }

        _array = [.. _refs];
        _immutable = [.. _refs];
        RaySerializer.Register(ListOfRefsResolver.Instance); // what the generator emits for a List<ObjectRef<int>> in a signature
        _scope = _runtime.MakeCurrent();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Refs are immutable, so an array of them is block-copied on put and on get (no serialization).</summary>
    [Benchmark(Description = "get_object_containing_10k_refs: Put(ObjectRef<int>[10k]) + Get, a block copy each way")]
    public int PutAndGetArray() => _runtime.Put(_array).Get().Length;

    /// <summary>An immutable collection of refs is kept and handed out by reference.</summary>
    [Benchmark(Description = "get_object_containing_10k_refs: Put(ImmutableArray of 10k refs) + Get, by reference")]
    public int PutAndGetImmutable() => _runtime.Put(_immutable).Get().Length;

    /// <summary>A List is mutable: a snapshot through MessagePack on put, a fresh copy on every get.</summary>
    [Benchmark(Description = "get_object_containing_10k_refs: Put(List of 10k refs) + Get, a snapshot")]
    public int PutAndGetList() => _runtime.Put(_refs).Get().Count;

    [Benchmark(Baseline = true, Description = "baseline: new List<ObjectRef<int>>(10k refs)")]
    public int ListCopy() => new List<ObjectRef<int>>(_refs).Count;

    /// <summary>What a spill or a snapshot of such an object costs: each ref written as its id and read back through the store.</summary>
    [Benchmark(Description = "10k refs through MessagePack (ObjectRefFormatter): serialize + deserialize")]
    public int MessagePackRoundTrip()
    {
        var options = RaySerializer.Options;
        _buffer.ResetWrittenCount();
        var writer = new MessagePackWriter(_buffer);
        _arrayFormatter.Serialize(ref writer, _array, options);
        writer.Flush();
        var reader = new MessagePackReader(_buffer.WrittenMemory);
        return _arrayFormatter.Deserialize(ref reader, options)!.Length;
    }
}

/// <summary>The formatter the generator would emit for <c>List&lt;ObjectRef&lt;int&gt;&gt;</c>.</summary>
internal sealed class ListOfRefsResolver : IFormatterResolver
{
    public static readonly ListOfRefsResolver Instance = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        typeof(T) == typeof(List<ObjectRef<int>>) ? (IMessagePackFormatter<T>)(object)new ListFormatter<ObjectRef<int>>() : null;
}

/// <summary>
/// Spill then read: two 64 MB <c>byte[]</c> objects in a store whose cap holds one and a half, so reading one restores
/// it from its MessagePack spill file and spills the other. Reported per MB moved (each get writes 64 MB and reads
/// 64 MB). Baseline: <see cref="File.WriteAllBytes(string, byte[])"/> then <see cref="File.ReadAllBytes"/> of the
/// same bytes, as often, in the same directory.
/// </summary>
[MemoryDiagnoser]
public class SpillThenRead
{
    private const int Megabytes = 64;
    private const int Size = Megabytes * 1024 * 1024;
    private RayRuntime _runtime = null!;
    private byte[] _payload = null!;
    private string _directory = null!;
    private ObjectRef<ReadOnlyMemory<byte>> _first = null!;
    private ObjectRef<ReadOnlyMemory<byte>> _second = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "raysharp-bench-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_directory);
        _runtime = new RayRuntime(new RayOptions { ObjectStoreMemory = Size + Size / 2, ObjectSpillingDirectory = _directory });
        _payload = new byte[Size];
        new Random(1).NextBytes(_payload);
        // Zero-copy buffers, so a Get costs the restore and nothing more (a byte[] would also be copied per Get).
        _first = _runtime.PutOwned((byte[])_payload.Clone());
        _second = _runtime.PutOwned((byte[])_payload.Clone()); // spills the first
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runtime.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = 4 * Megabytes, Description = "spill then read: 2 gets, each restores 64 MB and spills 64 MB, per MB")]
    public int SpillAndRestore() => _first.Get().Length + _second.Get().Length;

    [Benchmark(Baseline = true, OperationsPerInvoke = 4 * Megabytes, Description = "baseline: 2 x (File.WriteAllBytes + File.ReadAllBytes) of 64 MB, per MB")]
    public int WriteAndRead()
    {
        var file = Path.Combine(_directory, "baseline.bin");
        var length = 0;
        for (var i = 0; i < 2; i++)
        {
            File.WriteAllBytes(file, _payload);
            length += File.ReadAllBytes(file).Length;
        }

        return length;
    }
}

/// <summary>
/// What tracking an object costs: <c>Put(int)</c> in a runtime that tracks every object
/// (<see cref="RayOptions.InlineObjectMaxBytes"/> = 0: record, weak handle, finalizable lease, release) against the
/// default, where a small value stays inline. Both refs are dropped at once, so release and finalization are included.
/// </summary>
[MemoryDiagnoser]
public class TrackedPut
{
    private RayRuntime _inline = null!;
    private RayRuntime _tracked = null!;
    private int _x;

    [GlobalSetup]
    public void Setup()
    {
        _inline = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _tracked = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount, InlineObjectMaxBytes = 0 });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _inline.Dispose();
        _tracked.Dispose();
    }

    [Benchmark(Description = "Put(int), tracked (InlineObjectMaxBytes = 0)")]
    public ObjectRef<int> Tracked() => _tracked.Put(_x++);

    [Benchmark(Baseline = true, Description = "baseline: Put(int), inline (default)")]
    public ObjectRef<int> Inline() => _inline.Put(_x++);
}

/// <summary>
/// A read of a tracked object stays O(1): <c>Get</c> of a 100 MB zero-copy buffer (tracked: one read of its boxed value, no
/// lock) against <c>Get</c> of a 1 KB one (inline, the baseline), both in memory and both put with <c>PutOwned</c>.
/// </summary>
[MemoryDiagnoser]
public class TrackedGet
{
    private RayRuntime _runtime = null!;
    private ObjectRef<ReadOnlyMemory<byte>> _large = null!;
    private ObjectRef<ReadOnlyMemory<byte>> _small = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        _large = _runtime.PutOwned(new byte[100_000_000]);
        _small = _runtime.PutOwned(new byte[1_000]);
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "Get of a tracked 100 MB ReadOnlyMemory<byte>")]
    public int Large() => _large.Get().Length;

    [Benchmark(Baseline = true, Description = "baseline: Get of an inline 1 KB ReadOnlyMemory<byte>")]
    public int Small() => _small.Get().Length;
}
