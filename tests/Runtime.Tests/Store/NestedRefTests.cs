using System;
using System.Linq;
using System.Runtime.CompilerServices;
using MessagePack;
using RaySharp.CompilerServices;
using RaySharp.Serialization;
using Xunit;

namespace RaySharp.Tests.Store;

public sealed class NestedRefTests
{
    [Fact]
    public void An_ObjectRef_round_trips_through_MessagePack_to_the_same_object()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000, inlineMax: 100 * 1024);
        var reference = Ray.Put(42);
        var large = Ray.PutOwned(new byte[200_000]);

        var back = RaySerializer.Deserialize<ObjectRef<int>>(RaySerializer.Serialize(reference));
        var largeBack = RaySerializer.Deserialize<ObjectRef<ReadOnlyMemory<byte>>>(RaySerializer.Serialize(large));

        Assert.Equal(reference, back);
        Assert.Equal(42, back.Get());
        Assert.True(large.Get().Equals(largeBack.Get()), "both refs read the same stored memory");
        Assert.Null(RaySerializer.Deserialize<ObjectRef<int>?>(RaySerializer.Serialize<ObjectRef<int>?>(null)));
    }

    [Fact]
    public void Reading_a_ref_whose_object_was_released_says_why()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000, inlineMax: 100 * 1024);
        var bytes = SerializeAndForget();
        StoreRuntime.CollectGarbage();

        var error = Assert.Throws<MessagePackSerializationException>(() => RaySerializer.Deserialize<ObjectRef<int>>(bytes));

        Assert.Contains("no live object with that id", error.Message);
        Assert.Contains("released", error.Message);
    }

    [Fact]
    public void Reading_a_ref_as_the_wrong_type_names_both_types()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        var reference = Ray.Put(42);

        var error = Assert.Throws<MessagePackSerializationException>(() => RaySerializer.Deserialize<ObjectRef<string>>(RaySerializer.Serialize(reference)));

        Assert.Contains("holds a Int32, not a String", error.Message);
    }

    [Fact]
    public void A_spilled_object_keeps_the_refs_inside_it_alive_and_reads_them_back()
    {
        RefBag.EnsureRegistered();
        using var store = StoreRuntime.Start(capacity: 25_000_000);

        var (outerId, innerId) = SpillBagThenReadItBack();
        StoreRuntime.CollectGarbage();

        Assert.DoesNotContain(Ray.State.Objects(), o => o.Id == outerId || o.Id == innerId);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectId Outer, ObjectId Inner) SpillBagThenReadItBack()
    {
        var (outer, innerId) = PutBagAndForgetInner();
        var pushers = Enumerable.Range(0, 3).Select(_ => Ray.Put(new byte[10_000_000])).ToList(); // push the older objects out to disk
        StoreRuntime.CollectGarbage();

        var objects = Ray.State.Objects();
        var outerInfo = objects.Single(o => o.Id == outer.Id);
        Assert.Equal(ObjectLocation.Spilled, outerInfo.Location);
        Assert.Equal(1, outerInfo.NestedRefs);
        Assert.Equal(1, objects.Single(o => o.Id == innerId).HeldBySpilledObjects);
        Assert.Equal(ObjectReferenceType.CapturedInObject, objects.Single(o => o.Id == innerId).ReferenceType); // Ray's CAPTURED_IN_OBJECT

        var bag = outer.Get();
        Assert.Equal(innerId, bag.Refs[0].Id);
        Assert.Equal(StoreRuntime.Pattern(1_000_000, 7), bag.Refs[0].Get());
        Assert.Equal(StoreRuntime.Pattern(10_000_000, 8), bag.Payload);
        var restored = Ray.State.Objects().Single(o => o.Id == outer.Id);
        Assert.True(restored.SizeBytes > 10_000_000, "a restored object is accounted at least at its spilled size");
        GC.KeepAlive(pushers);
        return (outer.Id, innerId);
    }

    [Fact]
    public void A_snapshot_in_memory_keeps_the_refs_inside_it_alive()
    {
        RefBag.EnsureRegistered();
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        var (outer, innerId) = PutBagAndForgetInner();

        StoreRuntime.CollectGarbage();

        Assert.Contains(Ray.State.Objects(), o => o.Id == innerId);
        var inner = Assert.Single(outer.Get().Refs);
        Assert.Equal(innerId, inner.Id);
        Assert.Equal(StoreRuntime.Pattern(1_000_000, 7), inner.Get());
    }

    [Fact]
    public void A_ref_type_with_no_ref_made_yet_still_reads_and_writes()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        var bytes = RaySerializer.Serialize(Ray.Put(42));

        var error = Assert.Throws<MessagePackSerializationException>(() => RaySerializer.Deserialize<ObjectRef<NeverReferenced>>(bytes));

        Assert.Contains("holds a Int32, not a NeverReferenced", error.Message);
        Assert.Null(RaySerializer.Deserialize<ObjectRef<AlsoNeverReferenced>?>(RaySerializer.Serialize<ObjectRef<AlsoNeverReferenced>?>(null)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] SerializeAndForget() => RaySerializer.Serialize(Ray.Put(7));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectRef<RefBag>, ObjectId) PutBagAndForgetInner()
    {
        var inner = Ray.Put(StoreRuntime.Pattern(1_000_000, 7));
        var outer = Ray.Put(new RefBag([inner], StoreRuntime.Pattern(10_000_000, 8)));
        return (outer, inner.Id);
    }

    private sealed class NeverReferenced;

    private sealed class AlsoNeverReferenced;
}
