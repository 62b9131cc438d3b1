using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace RaySharp.Tests.Store;

public sealed class SpillingTests
{
    private const int TenMegabytes = 10_000_000;

    [Fact]
    public void A_long_loop_of_10_MB_puts_stays_within_the_cap()
    {
        using var store = StoreRuntime.Start(capacity: 40_000_000);
        PutTenMegabytesRepeatedly(30, capacity: 40_000_000);

        StoreRuntime.CollectGarbage();
        var memory = Ray.State.Memory();
        Assert.Equal(0, memory.UsedBytes);
        Assert.Equal(0, memory.SpilledBytes);
        Assert.Equal(0, store.SpillFileCount());
    }

    [Fact]
    public void Spilled_objects_read_back_equal()
    {
        using var store = StoreRuntime.Start(capacity: 25_000_000);
        var refs = Enumerable.Range(0, 6).Select(i => Ray.Put(StoreRuntime.Pattern(TenMegabytes, i))).ToList();
        var text = Ray.Put(new string('x', 3_000_000) + "end");
        var longs = Ray.Put(Enumerable.Range(0, 1_000_000).Select(i => (long)i * 7).ToArray());

        var memory = Ray.State.Memory();
        Assert.InRange(memory.UsedBytes, 0, 25_000_000);
        Assert.True(memory.ObjectsSpilled >= 4, $"expected spills, got {memory}");
        Assert.Contains(Ray.State.Objects(), o => o.Location == ObjectLocation.Spilled && o.SpilledBytes > TenMegabytes);

        for (var i = 0; i < refs.Count; i++)
        {
            Assert.Equal(StoreRuntime.Pattern(TenMegabytes, i), refs[i].Get());
            Assert.InRange(Ray.State.Memory().UsedBytes, 0, 25_000_000);
        }

        Assert.Equal(new string('x', 3_000_000) + "end", text.Get());
        Assert.Equal(Enumerable.Range(0, 1_000_000).Select(i => (long)i * 7), longs.Get());
        Assert.True(Ray.State.Memory().RestoreCount >= 4);
    }

    [Fact]
    public void Spill_files_are_deleted_when_their_objects_die()
    {
        using var store = StoreRuntime.Start(capacity: 25_000_000);
        var refs = new List<ObjectRef<byte[]>>();
        for (var i = 0; i < 5; i++)
        {
            refs.Add(Ray.Put(new byte[TenMegabytes]));
        }

        Assert.Equal(3, store.SpillFileCount());
        Assert.Equal(3, Ray.State.Memory().ObjectsSpilled);

        refs.Clear();
        StoreRuntime.CollectGarbage();

        Assert.Equal(0, store.SpillFileCount());
        Assert.Equal(0, Ray.State.Memory().SpilledBytes);
    }

    [Fact]
    public void Shutdown_deletes_the_spill_directory_and_spilled_refs_then_say_so()
    {
        var store = StoreRuntime.Start(capacity: 15_000_000);
        var first = Ray.Put(new byte[TenMegabytes]);
        var second = Ray.Put(new byte[TenMegabytes]);
        var directory = store.SpillDirectory;
        Assert.True(Directory.Exists(directory));

        store.Dispose();

        Assert.False(Directory.Exists(directory));
        var error = Assert.Throws<RuntimeShutdownException>(() => first.Get());
        Assert.Contains("spilled", error.Message);
        Assert.Equal(TenMegabytes, second.Get().Length);
    }

    [Fact]
    public void Put_throws_ObjectStoreFullException_when_memory_and_disk_are_exhausted_and_the_runtime_stays_usable()
    {
        using var store = StoreRuntime.Start(capacity: 25_000_000, spillMax: 15_000_000);
        var kept = new List<ObjectRef<byte[]>>();
        for (var i = 0; i < 3; i++)
        {
            kept.Add(Ray.Put(StoreRuntime.Pattern(TenMegabytes, i)));
        }

        var error = Assert.Throws<ObjectStoreFullException>(() => Ray.Put(new byte[TenMegabytes]));

        Assert.Contains("10,000,000 bytes object does not fit", error.Message);
        Assert.Contains("20,000,000 bytes of 25,000,000 bytes", error.Message);
        Assert.Contains("of 15,000,000 bytes (RayOptions.ObjectSpillingMaxBytes)", error.Message);
        Assert.Contains("raise RayOptions.ObjectStoreMemory or RayOptions.ObjectSpillingMaxBytes", error.Message);
        Assert.Equal(TenMegabytes, error.ObjectBytes);
        Assert.Equal(25_000_000, error.CapacityBytes);

        for (var i = 0; i < kept.Count; i++)
        {
            Assert.Equal(StoreRuntime.Pattern(TenMegabytes, i), kept[i].Get());
        }

        kept.Clear();
        StoreRuntime.CollectGarbage();
        Assert.Equal(TenMegabytes, Ray.Put(new byte[TenMegabytes]).Get().Length);
    }

    [Fact]
    public void An_object_larger_than_the_store_is_refused_with_the_fix()
    {
        using var store = StoreRuntime.Start(capacity: 1_000_000);

        var error = Assert.Throws<ObjectStoreFullException>(() => Ray.Put(new byte[2_000_000]));

        Assert.Contains("larger than the whole store (1,000,000 bytes, RayOptions.ObjectStoreMemory)", error.Message);
        Assert.Equal(5, Ray.Put(new byte[5]).Get().Length);
    }

    [Fact]
    public void Objects_without_a_formatter_are_not_spilled_and_the_message_says_so()
    {
        using var store = StoreRuntime.Start(capacity: 100);
        var first = Ray.Put(new Opaque(1));

        var error = Assert.Throws<ObjectStoreFullException>(() => Ray.Put(new Opaque(2)));

        Assert.Contains("1 of them cannot be spilled", error.Message);
        Assert.Equal(1, first.Get().Value);
        Assert.Equal(ObjectLocation.Memory, Assert.Single(Ray.State.Objects()).Location);
    }

    [Fact]
    public void Bad_spilling_options_are_refused()
    {
        Assert.Contains("ObjectSpillingMaxBytes", Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { ObjectSpillingMaxBytes = -1 })).Message);
        Assert.Contains("InlineObjectMaxBytes", Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { InlineObjectMaxBytes = -1 })).Message);
        Assert.Contains("ObjectSpillingDirectory", Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { ObjectSpillingDirectory = " " })).Message);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void PutTenMegabytesRepeatedly(int count, long capacity)
    {
        for (var i = 0; i < count; i++)
        {
            var reference = Ray.Put(new byte[TenMegabytes]);
            Assert.Equal(TenMegabytes, reference.Get().Length);
            Assert.InRange(Ray.State.Memory().UsedBytes, 0, capacity);
        }
    }

    [RayImmutable] // stored by reference, and with no formatter it cannot be spilled
    private sealed class Opaque(int value)
    {
        public int Value { get; } = value;
    }
}
