using System.Linq;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_failure_2.py. Most of it watches Ray's processes (raylets, GCS, autoscaler) and its
/// warning channel to the driver; what one process can run is ported here. test_fill_object_store_exception comes
/// from the file's older copy (current Ray moved it).
/// </summary>
public sealed partial class TestFailure2
{
    [RayRemote]
    public static int SmallObject(SignalActor.Handle signal) => signal.Wait().Get(Bounds.Must) + 1;

    [RayRemote]
    public static int DependentTask(int x) => x;

    [RayRemote]
    public static bool GetFromList(ObjectRef<int>[] objRefs, bool testDependentTask)
    {
        var objRef = objRefs[0];
        return testDependentTask ? Remote.DependentTask(objRef).Get(Bounds.Must) == 1 : objRef.Get(Bounds.Must) == 1;
    }

    [RayRemote]
    public static byte[] ExpensiveTask() => new byte[Store / 10];

    /// <summary>The store's size: Ray's 10**8 bytes divided by 10, which keeps the spilling short.</summary>
    internal const int Store = 10_000_000;

    [Fact]
    public void test_serialized_id()
    {
        // Ports test_failure_2.py::test_serialized_id, its one-node case (2 CPUs): a ref inside a list reaches a task,
        // which reads it or passes it on. small_object's 1 s sleep (so the getter waits) is a signal sent once the
        // getter is submitted.
        using var ray = TestRuntime.Start(cpus: 2);
        foreach (var testDependentTask in new[] { false, true })
        {
            var signal = SignalActor.Remote.New();
            var obj = Remote.SmallObject(signal);
            var get = Remote.GetFromList([obj], testDependentTask);
            signal.Send(false).Get(Bounds.Must);
            Assert.True(get.Get(Bounds.Must));
        }

        foreach (var testDependentTask in new[] { false, true })
        {
            var obj = Ray.Put(1);
            Assert.True(Remote.GetFromList([obj], testDependentTask).Get(Bounds.Must));
        }
    }

    [Fact]
    public void test_fill_object_store_exception()
    {
        // Ports test_failure_2.py::test_fill_object_store_exception (older copy), asserting RaySharp's documented
        // difference for results: Ray (spilling off) fails tasks whose results do not fit with
        // RayTaskError(ObjectStoreFullError); RaySharp never refuses a task result, which has already run: it spills
        // or keeps it over the cap and counts an overcommit (docs/runtime.md, "Object store memory"). A put larger
        // than the whole store is ObjectStoreFullError in both. Sizes are Ray's divided by 10.
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 2, ObjectStoreMemory = Store });

        var results = Ray.Get(Enumerable.Range(0, 20).Select(_ => Remote.ExpensiveTask()), Bounds.Must);
        Assert.All(results, r => Assert.Equal(Store / 10, r.Length));

        var actor = LargeMemoryActor.Remote.New();
        Assert.Equal(Store + 2, actor.SomeExpensiveTask().Get(Bounds.Must).Length);
        Assert.True(Ray.State.Memory().Overcommits > 0);

        // The actor does not die.
        Assert.Equal(1, actor.Test().Get(Bounds.Must));

        Assert.Throws<ObjectStoreFullException>(() => Ray.Put(new byte[Store + 2]));
    }
}
