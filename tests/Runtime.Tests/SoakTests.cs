using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using RaySharp.Tests.Store;
using RaySharp.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RaySharp.Tests;

/// <summary>
/// Issue 17's chaos on one node: calls over actors that a chaos thread kills and restarts, and a store under a small
/// cap that spills. CI runs a few seconds of each; <c>RAY_SOAK_CALLS</c> and <c>RAY_SOAK_OBJECTS</c> set a long run
/// (docs/reliability.md, "Chaos on one node").
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Seed = 20261206;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Actor_calls_survive_random_restarting_kills_and_none_is_lost()
    {
        var calls = SoakSize.From("RAY_SOAK_CALLS", 2_000);
        const int Actors = 8;
        var kills = Math.Max(10, calls / 100);
        using var ray = TestRuntime.Start();
        var logs = Enumerable.Range(0, Actors).Select(_ => new ProbeLog()).ToArray();
        // Half the actors run one call at a time, half three (calls on pool threads, no order between them).
        var actors = logs.Select((log, i) => ProbeHandle.New(log, new ActorOptions
        {
            MaxRestarts = -1,
            MaxTaskRetries = -1,
            MaxConcurrency = i % 2 == 0 ? 1 : 3,
        })).ToArray();
        var submittedPerActor = new int[Actors];
        var submitted = 0;
        Exception? chaosError = null;

        // Kill number k waits until k strides of calls were submitted, so the kills spread over the whole run; after
        // each, one call on the killed actor is the handshake that finds it alive, so every kill is one restart.
        var chaos = new Thread(() =>
        {
            try
            {
                var random = new Random(Seed + 1);
                var stride = calls / (kills + 1);
                for (var kill = 1; kill <= kills; kill++)
                {
                    var threshold = kill * stride;
                    if (!SpinWait.SpinUntil(() => Volatile.Read(ref submitted) >= threshold, Patience))
                    {
                        throw new TimeoutException($"the submitter stopped before call {threshold}");
                    }

                    var victim = actors[random.Next(Actors)];
                    Ray.Kill(victim, noRestart: false);
                    victim.Run((p, _) => p.Incarnation).Get(Patience);
                }
            }
            catch (Exception error)
            {
                chaosError = error;
            }
        });
        using (ray.Runtime.MakeCurrent())
        {
            chaos.Start();
        }

        var random = new Random(Seed);
        var refs = new List<(int Actor, int Echo, ObjectRef<long> Ref)>(calls);
        for (var i = 0; i < calls; i++)
        {
            var actor = random.Next(Actors);
            var echo = i;
            refs.Add((actor, echo, actors[actor].Run((p, _) =>
            {
                int count;
                lock (p)
                {
                    count = ++p.Counter; // three calls at a time on the threaded actors
                }

                Thread.SpinWait(50); // work, so that kills land on running calls too; nothing waits for it
                return ((long)echo << 32) | (uint)count;
            })));
            submittedPerActor[actor]++;
            Volatile.Write(ref submitted, i + 1);

            // Ray's limit-pending-tasks pattern: the chaos thread's handshake is not queued behind thousands of calls.
            if (refs.Count > 64)
            {
                WaitEnded(refs[^64].Ref);
            }
        }

        Assert.True(chaos.Join(Patience), "the chaos thread did not finish");
        Assert.Null(chaosError);
        int ok = 0, died = 0;
        foreach (var (actor, echo, call) in refs)
        {
            long value;
            try
            {
                value = call.Get(Patience);
            }
            catch (ActorDiedException)
            {
                died++; // documented only without retries; MaxTaskRetries = -1 retries every interrupted call
                continue;
            }

            Assert.Equal(echo, (int)(value >> 32));
            Assert.InRange((int)(uint)value, 1, submittedPerActor[actor]);
            ok++;
        }

        var states = Ray.State.Actors();
        var restarts = actors.Sum(a => states.Single(s => s.Id == a.Id).Restarts);
        output.WriteLine($"actors {Actors}, calls {calls}: ok {ok}, ActorDiedException {died}; kills {kills}, restarts {restarts}, constructions {logs.Sum(l => l.Constructed)}");
        Assert.Equal(0, died);
        Assert.Equal(calls, ok);
        Assert.Equal(kills, restarts);
        Assert.Equal(Actors + kills, logs.Sum(l => l.Constructed));
        Assert.All(actors, a => Assert.Equal(ActorState.Alive, states.Single(s => s.Id == a.Id).State));
    }

    /// <summary>Waits (bounded) until a call ended, as a value or an error the caller counts later.</summary>
    private static void WaitEnded(ObjectRef<long> call)
    {
        try
        {
            call.WaitReady(Patience);
        }
        catch (ActorDiedException)
        {
        }
    }

    [Fact]
    public void A_small_spilling_store_reads_back_every_value_and_leaks_nothing()
    {
        var operations = SoakSize.From("RAY_SOAK_OBJECTS", 600);
        using var store = StoreRuntime.Start(capacity: 4_000_000, spillMax: 24_000_000);

        var counts = RunStoreWorkload(operations);

        var clean = Collect.Until(() => Ray.State.Objects().Count == 0 && store.SpillFileCount() == 0, Patience);
        var memory = Ray.State.Memory();
        output.WriteLine($"operations {operations}: {counts}");
        output.WriteLine($"after release: objects {Ray.State.Objects().Count}, spill files {store.SpillFileCount()}, {memory}");
        Assert.True(clean, $"leak: {Ray.State.Objects().Count} objects and {store.SpillFileCount()} spill files left; {memory}");
        Assert.Equal(0, memory.UsedBytes);
        Assert.Equal(0, memory.SpilledBytes);
        Assert.True(memory.SpillCount > 0 && memory.RestoreCount > 0, $"the soak never spilled and restored: {memory}");
        Assert.True(counts.Gets > 0 && counts.TaskResults > 0 && counts.TaskReads > 0, counts.ToString());
    }

    /// <summary>Puts, task results, gets and reads inside tasks in a seeded random order; every ref is dropped on return.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static StoreCounts RunStoreWorkload(int operations)
    {
        var produce = Fn.Of<int, int, byte[]>((length, seed, _) => StoreRuntime.Pattern(length, seed));
        var checksum = Fn.Of<byte[], long>((bytes, _) => Checksum(bytes));
        var random = new Random(Seed);
        var live = new List<(ObjectRef<byte[]> Ref, int Length, int Seed)>();
        var counts = new StoreCounts();
        for (var op = 0; op < operations; op++)
        {
            var roll = random.Next(100);
            if (live.Count == 0 || (roll < 40 && live.Count < 32))
            {
                var length = RandomLength(random);
                var seed = random.Next();
                if (roll % 2 == 0)
                {
                    try
                    {
                        live.Add((Ray.Put(StoreRuntime.Pattern(length, seed)), length, seed));
                        counts.Puts++;
                    }
                    catch (ObjectStoreFullException)
                    {
                        counts.StoreFull++; // documented: memory at the cap and the spill limit reached; nothing stored
                    }
                }
                else
                {
                    live.Add((produce.Remote(length, seed), length, seed));
                    counts.TaskResults++;
                }
            }
            else if (roll < 75)
            {
                var (reference, length, seed) = live[random.Next(live.Count)];
                var value = reference.Get(Patience);
                Assert.True(StoreRuntime.Pattern(length, seed).AsSpan().SequenceEqual(value), $"operation {op}: a {length}-byte value read back different");
                counts.Gets++;
            }
            else if (roll < 85)
            {
                var (reference, length, seed) = live[random.Next(live.Count)];
                Assert.Equal(Checksum(StoreRuntime.Pattern(length, seed)), checksum.Remote(reference).Get(Patience));
                counts.TaskReads++;
            }
            else
            {
                var drop = random.Next(live.Count);
                live[drop] = live[^1];
                live.RemoveAt(live.Count - 1);
                counts.Drops++;
            }
        }

        counts.Live = live.Count;
        var memory = Ray.State.Memory();
        counts.Spills = memory.SpillCount;
        counts.Restores = memory.RestoreCount;
        counts.Overcommits = memory.Overcommits;
        return counts;
    }

    /// <summary>Mostly small and medium values, a third of them large against the 4 MB cap.</summary>
    private static int RandomLength(Random random) => random.Next(3) switch
    {
        0 => random.Next(16, 4_096),
        1 => random.Next(4_096, 256_000),
        _ => random.Next(256_000, 2_000_000),
    };

    private static long Checksum(byte[] bytes)
    {
        long sum = bytes.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            sum = (sum * 31) + bytes[i];
        }

        return sum;
    }

    private sealed class StoreCounts
    {
        public int Puts { get; set; }

        public int TaskResults { get; set; }

        public int Gets { get; set; }

        public int TaskReads { get; set; }

        public int Drops { get; set; }

        public int StoreFull { get; set; }

        public int Live { get; set; }

        public long Spills { get; set; }

        public long Restores { get; set; }

        public long Overcommits { get; set; }

        public override string ToString() =>
            $"puts {Puts}, task results {TaskResults}, gets {Gets}, reads in tasks {TaskReads}, drops {Drops}, " +
            $"ObjectStoreFullException {StoreFull}, live at the end {Live}, spills {Spills}, restores {Restores}, overcommits {Overcommits}";
    }
}
