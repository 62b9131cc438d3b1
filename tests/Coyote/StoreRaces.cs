using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;
using RaySharp.Objects.Store;

namespace RaySharp.Coyote;

/// <summary>The object store's races: an object's release racing with new references, and spilling racing with Get.</summary>
public static partial class StoreRaces
{
    private const int ValueBytes = 1_000;

    [RayRemote]
    public static int Length(byte[] value) => value.Length;

    /// <summary>
    /// An outer object holds a ref to an inner one; a new reference to the inner object is borrowed out of it, then
    /// the outer object dies (the GC finalizes its lease). Its release (the store's entry, run by Coyote) races with
    /// a Get of the borrowed ref, the ref passed as an argument to a task, and a put that makes the store spill:
    /// the inner value stays readable while referenced (no use-after-free), the outer object is gone once released,
    /// and when the last refs are dropped the store is empty (no leak: no object, byte or spill file left).
    /// </summary>
    [Test]
    public static async Task A_release_races_with_a_new_reference()
    {
        ControlledWork.Install();
        var parent = SpillParent();
        using (var runtime = SmallStore(parent))
        {
            using var scope = runtime.MakeCurrent();
            var (borrowed, outerId) = BorrowAndDropTheOuterObject();
            var outer = FinalizedLeases.CollectUntil(outerId);
            Specification.Assert(outer is not null, "the outer object was not collected after its last ref was dropped");

            var releasedAtOnce = false;
            var release = Task.Run(() =>
            {
                outer!.Store.Release(outer);
                releasedAtOnce = outer.IsReleased; // else the lock was busy: queued for the next store operation
            });
            var read = Task.Run(() => Matches(borrowed.Get(), 1));
            var passed = Task.Run(() => Remote.Length(borrowed).Get());
            var put = Task.Run(() => Matches(Ray.Put(Pattern(2)).Get(), 2));

            await release;
            Specification.Assert(await read, "the borrowed ref read back a wrong value after the outer object's release");
            Specification.Assert(await passed == ValueBytes, "a task given the borrowed ref read a wrong value");
            Specification.Assert(await put, "a put racing with the release read back a wrong value");
            Specification.Assert(Ray.State.Objects().All(o => o.Id != outerId) && outer!.IsReleased, $"the outer object outlived its release (released at once: {releasedAtOnce})");

            // The last release of the inner object is the test's: dropping the ref lets the GC finalize its lease, but in
            // a few interleavings in 1,000 Coyote's threads kept the entry reachable (docs/reliability.md), so the test
            // runs the store's release entry itself once the ref is dropped, as the finalizer would.
            var inner = borrowed.Lease!.Record;
            borrowed = null!;
            Specification.Assert(await ControlledWork.DrainAsync(), "the runtime's queued work never ran");
            FinalizedLeases.CollectAndReleaseAll(outer!.Store);
            inner.Store.Release(inner);
            var memory = Ray.State.Memory();
            Specification.Assert(Ray.State.Objects().Count == 0 && memory.UsedBytes == 0 && memory.SpilledBytes == 0, $"leaked: {string.Join(" ", Ray.State.Objects().Select(o => o.SizeBytes + " bytes of " + o.TypeName))}, {memory.UsedBytes} bytes in memory, {memory.SpilledBytes} spilled");
            Specification.Assert(SpillFiles(memory.SpillDirectory) == 0, "a spill file outlived its object");
        }

        Directory.Delete(parent, recursive: true);
    }

    /// <summary>
    /// A put that forces the store to spill the first object races with a Get of it: the Get reads the right value
    /// (from memory, or restored from disk), and the spill files on disk are exactly the spilled objects.
    /// </summary>
    [Test]
    public static async Task Spilling_races_with_Get()
    {
        ControlledWork.Install();
        var parent = SpillParent();
        string spillDirectory;
        using (var runtime = SmallStore(parent))
        {
            using var scope = runtime.MakeCurrent();
            var first = Ray.Put(Pattern(1));
            var spill = Task.Run(() => Matches(Ray.Put(Pattern(2)).Get(), 2));
            var read = Task.Run(() => Matches(first.Get(), 1));

            Specification.Assert(await read, "a Get racing with a spill read back a wrong value");
            Specification.Assert(await spill, "the put that spilled read back a wrong value");
            Specification.Assert(Matches(await first.GetAsync(), 1), "the first object read back wrong after the race");
            var memory = Ray.State.Memory();
            Specification.Assert(memory.SpillCount >= 1, "two objects over the cap were never spilled");
            spillDirectory = memory.SpillDirectory;
            Specification.Assert(SpillFiles(spillDirectory) == memory.ObjectsSpilled, $"{SpillFiles(spillDirectory)} spill files for {memory.ObjectsSpilled} spilled objects");
        }

        Specification.Assert(SpillFiles(spillDirectory) == 0, "spill files outlived the runtime");
        Directory.Delete(parent, recursive: true);
    }

    /// <summary>An outer object holding the inner one's ref; returns a ref to the inner object borrowed out of it, and drops the rest.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectRef<byte[]> Borrowed, ObjectId OuterId) BorrowAndDropTheOuterObject()
    {
        var outer = Ray.Put(new[] { Ray.Put(Pattern(1)) });
        return (outer.Get()[0], outer.Id);
    }

    /// <summary>A store that holds one of the test values but not two: the second put spills.</summary>
    private static RayRuntime SmallStore(string spillParent) => new(new RayOptions
    {
        NumCpus = 1,
        EnableTaskEvents = false, // as RaceRuntime: the events' clock thread is outside Coyote's control
        InlineObjectMaxBytes = 0,
        ObjectStoreMemory = ValueBytes + (ValueBytes / 2),
        ObjectSpillingDirectory = spillParent,
    });

    private static int s_spillParents;

    /// <summary>A fresh spill parent per iteration (numbered, not a Guid: Coyote reports Guid.NewGuid as uncontrolled).</summary>
    private static string SpillParent() =>
        Path.Combine(Path.GetTempPath(), $"raysharp-coyote-{Environment.ProcessId}-{Interlocked.Increment(ref s_spillParents)}");

    private static int SpillFiles(string directory) => Directory.Exists(directory) ? Directory.GetFiles(directory).Length : 0;

    private static byte[] Pattern(int seed)
    {
        var bytes = new byte[ValueBytes];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 31) + seed);
        }

        return bytes;
    }

    private static bool Matches(byte[] value, int seed) => value.AsSpan().SequenceEqual(Pattern(seed));
}
