using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using MessagePack;
using RaySharp.Conformance.Support;
using RaySharp.Serialization;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_reference_counting.py. Ray counts refs per object (local and submitted) and reads the
/// counts through an internal API (<c>get_all_reference_counts</c>); RaySharp counts with the GC, so the ports check
/// what the counts stand for: an object is listed by <see cref="Ray.State.Objects"/> while a ref to it is reachable
/// and leaves once none is (<see cref="StoreProbe"/>). Refs are dropped by returning from helpers that made them
/// (<c>del</c> in Ray), so no stack slot keeps one alive. A worker killed by <c>os._exit</c> in a task is a task that
/// throws and is retried through <c>RetryExceptions</c>, so Ray's <c>WorkerCrashedError</c> is RaySharp's
/// <see cref="RayTaskException"/>.
/// </summary>
public sealed partial class TestReferenceCounting
{
    private const int MiB = 1024 * 1024;

    [RayRemote]
    public static int OneDep(int dep, SignalActor.Handle? signal, bool fail)
    {
        signal?.Wait().Get(Bounds.Hang);
        return fail ? throw new InvalidOperationException("failed on purpose") : 0;
    }

    [RayRemote]
    public static int OneDepOnArray(byte[] dep, SignalActor.Handle? signal, bool fail)
    {
        signal?.Wait().Get(Bounds.Hang);
        return fail ? throw new InvalidOperationException("failed on purpose") : 0;
    }

    [RayRemote]
    public static byte[] OneDepLarge(int dep, SignalActor.Handle? signal)
    {
        signal?.Wait().Get(Bounds.Hang);
        return new byte[10 * MiB];
    }

    [RayRemote]
    public static long Sum(byte[] array)
    {
        long sum = 0;
        foreach (var b in array)
        {
            sum += b;
        }

        return sum;
    }

    [RayRemote]
    public static int Pending(byte[] input1, int input2) => 0;

    /// <summary>Ray's <c>test_utils._put</c>: <c>put_object(obj, use_ray_put=False)</c> makes the object a task's result.</summary>
    [RayRemote]
    public static byte[] PutThroughTask(byte[] obj) => obj;

    [RayRemote(MaxRetries = 1, RetryExceptions = true)]
    public static int PendingOnSerializedRef(ObjectRef<byte[]>[] reference, int dep, bool failure)
    {
        reference[0].Get(Bounds.Must);
        return failure ? throw new InvalidOperationException("os._exit(0)") : 0;
    }

    [RayRemote(MaxRetries = 1, RetryExceptions = true)]
    public static ChainLink Recursive(ObjectRef<byte[]>[] reference, SignalActor.Handle signal, int maxDepth, int depth, bool failure)
    {
        reference[0].Get(Bounds.Must);
        if (depth == maxDepth)
        {
            signal.Wait().Get(Bounds.Hang);
            return failure ? throw new InvalidOperationException("os._exit(0)") : new ChainLink(null);
        }

        return new ChainLink(Remote.Recursive(reference, signal, maxDepth, depth + 1, failure));
    }

    [RayRemote(MaxRetries = 1, RetryExceptions = true)]
    public static int Child(byte[] dep1, int dep2, bool failure) => failure ? throw new InvalidOperationException("os._exit(0)") : 0;

    [Fact]
    public void test_local_refcounts()
    {
        // Ports test_reference_counting.py::test_local_refcounts: the object lives while either ref is held and
        // leaves once both are dropped. copy.copy of a ref is a second reference to the same ObjectRef here, and the
        // counts themselves (1, 2, 1, 0) are the GC's, so only presence is checked. Every object is tracked
        // (InlineObjectMaxBytes = 0), so the store lists a small one as Ray's counts list ray.put(None).
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 1, InlineObjectMaxBytes = 0 });
        var refs = PutAndCopy();
        var id = refs[0]!.Id;
        StoreProbe.AwaitPinned(id);

        refs[0] = null;
        StoreProbe.AwaitPinned(id);

        refs[1] = null;
        StoreProbe.AwaitReleased(id);
    }

    [Fact]
    public void test_dependency_refcounts()
    {
        // Ports test_reference_counting.py::test_dependency_refcounts, its five blocks in order: an object passed to a
        // task (put, or made by a task, the task succeeding or failing) lives while the driver holds its ref, and
        // leaves once the driver drops its refs; the submitted counts Ray checks in between are the GC's here.
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 1, InlineObjectMaxBytes = 0 });

        // A put dependency: released once the task finished and the refs are dropped.
        PutDependency(fail: false);

        // An inlined dependency (a small task result).
        var signal = SignalActor.Remote.New();
        var held = SubmitOnSmallResult(signal);
        Send(signal);
        held.AwaitResult();
        StoreProbe.AwaitPinned(held.Dep);
        held.Drop();
        StoreProbe.AwaitReleased(held.Dep, held.Result);

        // A large task result as the dependency.
        LargeResultDependency(fail: false);

        // The same when the task fails.
        PutDependency(fail: true);
        LargeResultDependency(fail: true);
    }

    [Fact]
    public void test_basic_pinning()
    {
        // Ports test_reference_counting.py::test_basic_pinning: an object an actor holds survives the store filling
        // up with short-lived ones (RaySharp spills instead of evicting, but must not lose it either).
        using var ray = OneWorker100MiB();
        var actor = LargeObjectActor.Remote.New(25 * MiB);

        for (var batch = 0; batch < 10; batch++)
        {
            var intermediateResult = Remote.Sum(new byte[10 * MiB]);
            Assert.Equal(0, intermediateResult.Get(Bounds.Must));
        }

        Assert.Equal(25 * MiB, actor.GetLargeObject().Get(Bounds.Must).Length);
    }

    [Fact]
    public void test_pending_task_dependency_pinning()
    {
        // Ports test_reference_counting.py::test_pending_task_dependency_pinning: a by-value argument of a pending
        // task is kept while puts fill the store.
        using var ray = OneWorker100MiB();
        var signal = SignalActor.Remote.New();
        var objRef = Remote.Pending(new byte[20 * MiB], signal.Wait());

        for (var i = 0; i < 2; i++)
        {
            _ = Ray.Put(new byte[20 * MiB]);
        }

        Send(signal);
        Assert.Equal(0, objRef.Get(Bounds.Must));
    }

    [Fact]
    public void test_feature_flag()
    {
        // Ports test_reference_counting.py::test_feature_flag: an object the driver holds leaves memory (is spilled)
        // once puts fill the store. Sizes are Ray's divided by 10 (a 10 MiB store), which keeps the spilling short.
        // The five puts are kept (Ray drops each at once): RaySharp frees a dropped object only after a collection,
        // so keeping them makes the pressure the same on every run.
        using var ray = TestRuntime.Start(new RayOptions { ObjectStoreMemory = 10 * MiB });
        var actor = LargeObjectActor.Remote.New(25 * MiB / 10);
        actor.WaitForActorToStart().Get(Bounds.Must);

        var reference = actor.GetLargeObject();
        Assert.Equal(25 * MiB / 10, reference.Get(Bounds.Must).Length);

        var putRefs = new List<ObjectRef<byte[]>>();
        for (var i = 0; i < 5; i++)
        {
            putRefs.Add(Ray.Put(new byte[4 * MiB]));
        }

        Assert.Equal(ObjectLocation.Spilled, Ray.State.Objects().Single(o => o.Id == reference.Id).Location);
        GC.KeepAlive(putRefs);
    }

    [Fact]
    public void test_out_of_band_serialized_object_ref()
    {
        // Ports test_reference_counting.py::test_out_of_band_serialized_object_ref, asserting RaySharp's documented
        // difference: a ref serialized out of band (Ray's cloudpickle.dumps, here RaySerializer) is not a borrow, so
        // it does not keep the object alive (RAY0208 warns); once the ref is dropped, reading the bytes back says the
        // object was released, where Ray reads "hello".
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 1, InlineObjectMaxBytes = 0 });
        Assert.Empty(Ray.State.Objects());
        var (held, objRefBytes) = PutAndSerialize("hello");
        var id = held[0]!.Id;
        Assert.Equal("hello", ReadBack(objRefBytes));
        StoreProbe.AwaitPinned(id);

        held[0] = null;
        StoreProbe.AwaitReleased(id);

        var error = Assert.Throws<MessagePackSerializationException>(() => ReadBack(objRefBytes));
        Assert.Contains("released", error.Message);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void test_basic_serialized_reference(bool useRayPut, bool failure)
    {
        // Ports test_reference_counting.py::test_basic_serialized_reference: a ref inside a pending task's argument
        // keeps its object alive, and the object leaves once the task finished (os._exit(0) is a retried exception).
        using var ray = OneWorker100MiB();
        var signal = SignalActor.Remote.New();
        var (arrayId, objRef) = SubmitWithSerializedRef(useRayPut, signal, failure);

        StoreProbe.AwaitPinned(arrayId);

        Send(signal);
        var error = Record.Exception(() => objRef.Get(Bounds.Must));
        AssertOutcome(failure, error);

        StoreProbe.AwaitReleased(arrayId);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void test_recursive_serialized_reference(bool useRayPut, bool failure)
    {
        // Ports test_reference_counting.py::test_recursive_serialized_reference: a ref passed down a chain of 5 tasks
        // lives until the last one finishes. Each task returns the next one's ref in a ChainLink (Ray returns the ref
        // itself, and None at the end). On failure Ray raises OwnerDiedError (the worker that owned the tail died
        // with it); no owner dies in one process, so the tail's own error (RayTaskException) arrives.
        using var ray = OneWorker100MiB();
        var signal = SignalActor.Remote.New();
        const int maxDepth = 5;
        var (arrayId, headOid) = SubmitChain(useRayPut, signal, maxDepth, failure);

        var tailOid = headOid;
        for (var i = 0; i < maxDepth; i++)
        {
            tailOid = tailOid.Get(Bounds.Must).Next!;
        }

        StoreProbe.AwaitPinned(arrayId);

        Send(signal);
        var error = Record.Exception(() => Assert.Null(tailOid.Get(Bounds.Must).Next));
        AssertOutcome(failure, error);

        StoreProbe.AwaitReleased(arrayId);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void test_actor_holding_serialized_reference(bool useRayPut, bool failure)
    {
        // Ports test_reference_counting.py::test_actor_holding_serialized_reference: refs an actor keeps after its
        // calls keep the object alive until the actor drops both (or dies: Ray.Kill for kill_actor_and_wait_for_failure).
        using var ray = OneWorker100MiB();
        var actor = GreedyActor.Remote.New();
        var arrayId = GiveToActor(useRayPut, actor);

        StoreProbe.AwaitPinned(arrayId);

        actor.DeleteRef1().Get(Bounds.Must);
        StoreProbe.AwaitPinned(arrayId);

        if (failure)
        {
            Ray.Kill(actor);
            Assert.Throws<ActorDiedException>(() => actor.DeleteRef1().Get(Bounds.Must));
        }
        else
        {
            actor.DeleteRef2().Get(Bounds.Must);
        }

        StoreProbe.AwaitReleased(arrayId);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void test_worker_holding_serialized_reference(bool useRayPut, bool failure)
    {
        // Ports test_reference_counting.py::test_worker_holding_serialized_reference: an actor submits a task with the
        // ref it was passed as an argument; the object lives until that task finished and its ref is dropped.
        using var ray = OneWorker100MiB();
        var signal = SignalActor.Remote.New();
        var s = Submitter.Remote.New();
        var (arrayId, childReturnId) = LaunchThroughSubmitter(useRayPut, s, signal, failure);

        StoreProbe.AwaitPinned(arrayId);

        Send(signal);
        var error = Record.Exception(() => childReturnId[0]!.Get(Bounds.Must));
        AssertOutcome(failure, error);
        childReturnId[0] = null;

        StoreProbe.AwaitReleased(arrayId);
    }

    [Fact]
    public void test_basic_nested_ids()
    {
        // Ports test_reference_counting.py::test_basic_nested_ids: an object holding a ref keeps the inner object alive.
        using var ray = OneWorker100MiB();
        var (outerOid, innerId) = PutNested();

        StoreProbe.AwaitPinned(innerId);

        outerOid[0] = null;
        StoreProbe.AwaitReleased(innerId);
    }

    [Fact]
    public void test_kill_actor_immediately_after_creation()
    {
        // Ports test_reference_counting.py::test_kill_actor_immediately_after_creation: RaySharp has no actor table
        // (Ray's ray.state.actors()), so "dead" is seen through calls, which fail with ActorDiedException.
        using var ray = TestRuntime.Start(cpus: 1);
        var a = DisposalProbe.Remote.New(Guid.NewGuid().ToString());
        var b = DisposalProbe.Remote.New(Guid.NewGuid().ToString());

        Ray.Kill(a);
        Ray.Kill(b);

        Assert.Throws<ActorDiedException>(() => a.Method().Get(Bounds.Must));
        Assert.Throws<ActorDiedException>(() => b.Method().Get(Bounds.Must));
    }

    [Fact]
    public void test_remove_actor_immediately_after_creation()
    {
        // Ports test_reference_counting.py::test_remove_actor_immediately_after_creation: actors whose handles are
        // dropped at once end; with no actor table, their end is seen as their disposal.
        using var ray = TestRuntime.Start(cpus: 1);
        var keys = CreateAndDrop();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!keys.All(DisposalProbe.Disposed.ContainsKey))
        {
            Assert.True(clock.Elapsed < Bounds.Must, "The actors did not end");
            StoreProbe.CollectGarbage();
            System.Threading.Thread.Yield();
        }
    }

    /// <summary>Ray's <c>one_worker_100MiB</c> fixture (object spilling is on here: RaySharp spills instead of failing).</summary>
    private static TestRuntime OneWorker100MiB() => TestRuntime.Start(new RayOptions { NumCpus = 1, ObjectStoreMemory = 100 * MiB });

    private static void AssertOutcome(bool failure, Exception? error)
    {
        if (failure)
        {
            Assert.IsType<RayTaskException>(error);
        }
        else
        {
            Assert.Null(error);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Send(SignalActor.Handle signal) => signal.Send(false).Get(Bounds.Must);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectRef<int>?[] PutAndCopy()
    {
        var objRef1 = Ray.Put(0);
        var objRef1Copy = objRef1;
        return [objRef1, objRef1Copy];
    }

    private static void PutDependency(bool fail)
    {
        var signal = SignalActor.Remote.New();
        var held = SubmitOnPut(signal, fail);
        StoreProbe.AwaitPinned(held.Dep);
        Send(signal);
        held.AwaitResult();
        StoreProbe.AwaitPinned(held.Dep);
        held.Drop();
        StoreProbe.AwaitReleased(held.Dep, held.Result);
    }

    private static void LargeResultDependency(bool fail)
    {
        var (signal1, signal2) = (SignalActor.Remote.New(), SignalActor.Remote.New());
        var held = SubmitOnLargeResult(signal1, signal2, fail);
        Send(signal1);
        held.AwaitDep();
        StoreProbe.AwaitPinned(held.Dep);
        Send(signal2);
        held.AwaitResult();
        StoreProbe.AwaitPinned(held.Dep);
        held.Drop();
        StoreProbe.AwaitReleased(held.Dep, held.Result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HeldPair SubmitOnPut(SignalActor.Handle signal, bool fail)
    {
        var largeDep = Ray.Put(new byte[10 * MiB]);
        return new(largeDep, Remote.OneDepOnArray(largeDep, signal, fail));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HeldPair SubmitOnSmallResult(SignalActor.Handle signal)
    {
        var dep = Remote.OneDep(0, signal, false);
        return new(dep, Remote.OneDep(dep, null, false));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HeldPair SubmitOnLargeResult(SignalActor.Handle signal1, SignalActor.Handle signal2, bool fail)
    {
        var dep = Remote.OneDepLarge(0, signal1);
        return new(dep, Remote.OneDepOnArray(dep, signal2, fail));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectRef<byte[]> PutObject(bool useRayPut) =>
        useRayPut ? Ray.Put(new byte[20 * MiB]) : Remote.PutThroughTask(new byte[20 * MiB]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectRef<string>?[] Held, byte[] Bytes) PutAndSerialize(string value)
    {
        var objRef = Ray.Put(value);
        return ([objRef], RaySerializer.Serialize(objRef));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ReadBack(byte[] bytes) => RaySerializer.Deserialize<ObjectRef<string>>(bytes).Get(Bounds.Must);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectId, ObjectRef<int>) SubmitWithSerializedRef(bool useRayPut, SignalActor.Handle signal, bool failure)
    {
        var arrayOid = PutObject(useRayPut);
        return (arrayOid.Id, Remote.PendingOnSerializedRef([arrayOid], signal.Wait(), failure));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectId, ObjectRef<ChainLink>) SubmitChain(bool useRayPut, SignalActor.Handle signal, int maxDepth, bool failure)
    {
        var arrayOid = PutObject(useRayPut);
        return (arrayOid.Id, Remote.Recursive([arrayOid], signal, maxDepth, 0, failure));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectId GiveToActor(bool useRayPut, GreedyActor.Handle actor)
    {
        var arrayOid = PutObject(useRayPut);
        _ = actor.SetRef1([arrayOid]);
        actor.AddRef2([arrayOid]).Get(Bounds.Must);
        return arrayOid.Id;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectId, ObjectRef<int>?[]) LaunchThroughSubmitter(bool useRayPut, Submitter.Handle s, SignalActor.Handle signal, bool failure)
    {
        var arrayOid = PutObject(useRayPut);
        return (arrayOid.Id, [s.LaunchPendingTask([arrayOid], signal, failure).Get(Bounds.Must)]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ObjectRef<ObjectRef<byte[]>[]>?[], ObjectId) PutNested()
    {
        var innerOid = Ray.Put(new byte[20 * MiB]);
        var outerOid = Ray.Put(new[] { innerOid });
        return ([outerOid], innerOid.Id);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string[] CreateAndDrop()
    {
        string[] keys = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        _ = DisposalProbe.Remote.New(keys[0]);
        _ = DisposalProbe.Remote.New(keys[1]);
        return keys;
    }

    /// <summary>A dependency's ref and its consumer's ref, held until <see cref="Drop"/> (Ray's <c>del dep, result</c>).</summary>
    private sealed class HeldPair
    {
        private ObjectRef? _dep;
        private ObjectRef? _result;

        public HeldPair(ObjectRef dep, ObjectRef result)
        {
            (_dep, _result) = (dep, result);
            (Dep, Result) = (dep.Id, result.Id);
        }

        public ObjectId Dep { get; }

        public ObjectId Result { get; }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public void AwaitDep() => _dep!.WaitReady(Bounds.Must);

        /// <summary>Waits until the consumer finished, successfully or not.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public void AwaitResult()
        {
            var error = Record.Exception(() => _result!.WaitReady(Bounds.Must));
            Assert.False(error is GetTimeoutException, "The task did not finish in time");
        }

        public void Drop() => (_dep, _result) = (null, null);
    }
}
