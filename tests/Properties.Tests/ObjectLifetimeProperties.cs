using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CsCheck;
using Xunit;

namespace RaySharp.Properties.Tests;

/// <summary>
/// Random put/get/release sequences against the model "an object is listed by <c>Ray.State.Objects()</c> exactly while
/// a ref to it is alive": every live object is listed after every step, and once the released refs are collected the
/// listing is exactly the live set. The runtime releases through the GC, so the test forces collections, as the
/// runtime's own lifetime tests do; the refs live only in the slot array, never in this method's locals.
/// </summary>
public sealed class ObjectLifetimeProperties
{
    private enum Op
    {
        Put,
        Get,
        Release,
    }

    private static readonly Gen<(Op Op, int Slot)[]> Sequences = Gen.Select(Gen.Int[0, 2].Select(o => (Op)o), Gen.Int[0, 7]).Array[1, 40];

    [Fact]
    public void An_object_is_listed_exactly_while_a_ref_to_it_is_alive() =>
        Sequences.Sample(ops =>
        {
            using var ray = new CaseRuntime(new RayOptions { NumCpus = 1, InlineObjectMaxBytes = 0, ObjectStoreMemory = 1L << 30 });
            var slots = new ObjectRef<byte[]>?[8];
            var live = new Dictionary<ObjectId, int>(); // object → the seed of its bytes
            for (var step = 0; step < ops.Length; step++)
            {
                var (op, slot) = ops[step];
                switch (op)
                {
                    case Op.Put:
                        Release(slots, slot, live);
                        live[PutInto(slots, slot, step)] = step;
                        break;
                    case Op.Get when slots[slot] is not null:
                        Assert.True(ReadsBack(slots, slot, live[slots[slot]!.Id]));
                        break;
                    case Op.Release:
                        Release(slots, slot, live);
                        break;
                }

                var listed = Listed();
                Assert.True(live.Keys.All(listed.Contains), $"a live object is missing from Ray.State.Objects() after step {step}");
            }

            Assert.True(CollectUntil(() => Listed().SetEquals(live.Keys)), "released objects are still listed after collection: " +
                string.Join(", ", Listed().Except(live.Keys)));
            GC.KeepAlive(slots);
        }, iter: PropertyRuns.Iterations(60), threads: 1);

    private static HashSet<ObjectId> Listed() => Ray.State.Objects().Select(o => o.Id).ToHashSet();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectId PutInto(ObjectRef<byte[]>?[] slots, int slot, int seed)
    {
        slots[slot] = Ray.Put(Pattern(seed));
        return slots[slot]!.Id;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ReadsBack(ObjectRef<byte[]>?[] slots, int slot, int seed) => slots[slot]!.Get(PropertyRuns.Patience).AsSpan().SequenceEqual(Pattern(seed));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Release(ObjectRef<byte[]>?[] slots, int slot, Dictionary<ObjectId, int> live)
    {
        if (slots[slot] is { } old)
        {
            live.Remove(old.Id);
            slots[slot] = null;
        }
    }

    private static byte[] Pattern(int seed)
    {
        var bytes = new byte[256];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static bool CollectUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return false;
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(1); // a poll interval: the loop ends on the condition
        }

        return true;
    }
}
