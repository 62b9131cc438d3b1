using System.Linq;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_state_api.py, its integration tests (the stored copy's list_* tests). The unit tests
/// of that file drive the dashboard's aggregator with mocked gRPC replies and have no counterpart here.
/// </summary>
public sealed partial class TestStateApi
{
    /// <summary>Where <see cref="F"/> blocks: a plain wait that keeps its CPU, as Ray's <c>time.sleep</c> does (a <c>Get</c> would lend it).</summary>
    private static readonly System.Threading.ManualResetEventSlim s_release = new();
    private static int s_running;

    [RayRemote]
    public static int F()
    {
        System.Threading.Interlocked.Increment(ref s_running);
        return s_release.Wait(Bounds.Hang) ? 0 : -1;
    }

    [RayRemote]
    public static int G(int dep) => dep;

    [RayRemote]
    public static int Read(byte[] obj) => obj.Length;

    [Fact]
    public void test_list_actors()
    {
        // Ports test_state_api.py::test_list_actors: the one actor is ALIVE, its id is hex and matches the handle's.
        using var ray = TestRuntime.Start(cpus: 1);
        var a = StateProbe.Remote.New();
        Assert.Equal(1, a.Ping().Get(Bounds.Must));

        var actor = Assert.Single(Ray.State.Actors());
        Assert.Equal(ActorState.Alive, actor.State);
        Assert.Matches("^[0-9a-f]+$", actor.Id.ToString());
        Assert.Equal(a.Id, actor.Id);
    }

    [Fact]
    public void test_list_nodes()
    {
        // Ports test_state_api.py::test_list_nodes: the node is ALIVE and its id is hex (ray.nodes() has no counterpart).
        using var ray = TestRuntime.Start(cpus: 1);

        var node = Assert.Single(Ray.State.Nodes());

        Assert.True(node.IsAlive);
        Assert.Matches("^[0-9a-f]+$", node.NodeId);
    }

    [Fact]
    public void test_list_tasks()
    {
        // Ports test_state_api.py::test_list_tasks: with 2 CPUs, two f run, a third f waits for a CPU and g waits for
        // that f. Ray counts 3 SCHEDULED and 1 WAITING_FOR_DEPENDENCIES; RaySharp folds waiting states into Pending, so
        // it counts 2 Running and 2 Pending. f blocks on an event (holding its CPU) instead of sleeping 30 s.
        using var ray = TestRuntime.Start(cpus: 2);
        var outs = new[] { Remote.F(), Remote.F() };
        var gOut = Remote.G(Remote.F());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (System.Threading.Volatile.Read(ref s_running) < 2)
        {
            Assert.True(clock.Elapsed < Bounds.Must, "the two f tasks never started");
            System.Threading.Thread.Yield();
        }

        var tasks = Ray.State.Tasks().Where(t => t.Type == TaskType.NormalTask).ToList();

        Assert.Equal(4, tasks.Count);
        Assert.Equal(2, tasks.Count(t => t.State == TaskState.Running));
        Assert.Equal(2, tasks.Count(t => t.State == TaskState.Pending));
        Assert.Equal(TaskState.Pending, tasks.Single(t => t.Name.EndsWith(".G", System.StringComparison.Ordinal)).State);
        s_release.Set();
        Assert.Equal(0, gOut.Get(Bounds.Must));
        Assert.All(outs, o => Assert.Equal(0, o.Get(Bounds.Must)));
    }

    [Fact]
    public void test_list_objects()
    {
        // Ports test_state_api.py::test_list_objects: a large put (50 MiB, over the inline limit) is listed by its id.
        using var ray = TestRuntime.Start(cpus: 1);
        var plasmaObj = Ray.Put(Enumerable.Repeat((byte)1, 50 * 1024 * 1024).ToArray());
        Assert.Equal(50 * 1024 * 1024, Remote.Read(plasmaObj).Get(Bounds.Must));

        var obj = Assert.Single(Ray.State.Objects());

        Assert.Equal(plasmaObj.Id, obj.Id);
    }
}

/// <summary>Ray's <c>class A: pass</c> of test_list_actors, with a call to know it was created.</summary>
[RayRemote]
public sealed partial class StateProbe
{
    public int Ping() => 1;
}
