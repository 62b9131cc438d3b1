using System.Linq;
using System.Threading;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_dashboard.py, test_memory_dashboard: the memory table's <c>reference_type</c> of each
/// object. RaySharp lists one row per object (<see cref="Ray.State.Objects"/>) with its strongest reference, where Ray
/// lists one per reference; objects of at most <see cref="RayOptions.InlineObjectMaxBytes"/> are not tracked, so these
/// runtimes track every object, as Ray's memory table lists even <c>None</c>.
/// </summary>
public sealed partial class TestDashboard
{
    private static readonly ManualResetEventSlim s_release = new();

    [RayRemote]
    public static int F(byte[] arg) => s_release.Wait(Bounds.Hang) ? arg.Length : -1;

    [RayRemote]
    public static byte[] Echo(byte[] arg) => arg;

    [Fact]
    public void test_memory_dashboard_local_reference()
    {
        // Ports test_local_reference: a put object and a task's result, both held by the driver, are LOCAL_REFERENCE.
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 2, InlineObjectMaxBytes = 0 });
        var a = Ray.Put(new byte[] { 1 });
        var b = Remote.Echo(new byte[] { 2 });
        Assert.Single(b.Get(Bounds.Must));

        var rows = Ray.State.Objects();

        Assert.Equal([a.Id, b.Id], rows.Select(o => o.Id));
        Assert.All(rows, o => Assert.Equal(ObjectReferenceType.LocalReference, o.ReferenceType));
        Assert.All(rows, o => Assert.Equal(0, o.UsedByPendingTasks));
        Assert.All(rows, o => Assert.Equal(Ray.State.Nodes().Single().NodeId, o.NodeId));
        var put = rows.Single(o => o.Id == a.Id);
        Assert.Equal("driver", put.Owner);
        Assert.Null(put.OwnerTaskId);
        var result = rows.Single(o => o.Id == b.Id);
        Assert.Equal("RaySharp.Conformance.TestDashboard.Echo", result.Owner); // Ray: the caller owns it; RaySharp names the task that made it
        Assert.Equal(b.Id.Sequence, result.OwnerTaskId?.Sequence);
    }

    [Fact]
    public void test_memory_dashboard_pending_task_references()
    {
        // Ports test_pending_task_references: an object passed to a task still running is USED_BY_PENDING_TASK.
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 2, InlineObjectMaxBytes = 0 });
        s_release.Reset();
        var a = Ray.Put(new byte[200 * 1024]);
        var b = Remote.F(a);

        var row = Ray.State.Objects().Single(o => o.Id == a.Id);
        Assert.Equal(ObjectReferenceType.UsedByPendingTask, row.ReferenceType);
        Assert.Equal(1, row.UsedByPendingTasks);

        s_release.Set();
        Assert.Equal(200 * 1024, b.Get(Bounds.Must));
        row = Ray.State.Objects().Single(o => o.Id == a.Id);
        Assert.Equal(ObjectReferenceType.LocalReference, row.ReferenceType);
        Assert.Equal(0, row.UsedByPendingTasks);
    }
}
