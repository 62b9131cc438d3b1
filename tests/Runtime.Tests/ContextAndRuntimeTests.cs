using System;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class ContextAndRuntimeTests
{
    [Fact]
    public void The_runtime_context_describes_the_running_task()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var describe = Fn.Of(_ => Ray.GetRuntimeContext(), new TaskOptions { NumCpus = 1.5 }, name: "Tests.Describe");

        var reference = describe.Remote();
        var context = reference.Get();

        Assert.True(context.IsInTask);
        Assert.Equal(reference.Id.Sequence, context.TaskId!.Value.Sequence);
        Assert.Equal("Tests.Describe", context.TaskName);
        Assert.Equal(1.5, context.AssignedResources["CPU"]);
        Assert.False(context.IsCancelled);
    }

    [Fact]
    public void On_the_driver_the_context_has_no_task()
    {
        using var ray = TestRuntime.Start();

        var context = Ray.GetRuntimeContext();

        Assert.False(context.IsInTask);
        Assert.Null(context.TaskId);
        Assert.Empty(context.AssignedResources);
    }

    [Fact]
    public async Task An_async_task_keeps_its_context_across_awaits()
    {
        using var ray = TestRuntime.Start();
        var describe = Fn.OfAsync(async _ =>
        {
            await Task.Delay(10); // a real suspension: the context must survive resuming on another thread
            return Ray.GetRuntimeContext().TaskName;
        }, name: "Tests.AsyncDescribe");

        Assert.Equal("Tests.AsyncDescribe", await describe.Remote());
    }

    [Fact]
    public void Several_runtimes_run_side_by_side_and_nested_calls_stay_in_their_runtime()
    {
        using var small = new RayRuntime(new RayOptions { NumCpus = 1 });
        using var large = new RayRuntime(new RayOptions { NumCpus = 3 });
        var cpus = Fn.Of(_ => RayRuntime.Current.ClusterResources()["CPU"]);
        var nested = Fn.Of(_ => cpus.Remote().Get());

        ObjectRef<double> fromSmall, fromLarge;
        using (small.MakeCurrent())
        {
            fromSmall = nested.Remote();
        }

        using (large.MakeCurrent())
        {
            fromLarge = nested.Remote();
        }

        Assert.Equal(1, fromSmall.Get());
        Assert.Equal(3, fromLarge.Get());

        small.Dispose();
        using (large.MakeCurrent())
        {
            Assert.Equal(3, nested.Remote().Get());
        }
    }

    [Fact]
    public void A_ref_from_one_runtime_can_feed_a_task_in_another()
    {
        using var first = new RayRuntime();
        using var second = TestRuntime.Start();
        var produced = first.Put(20);

        Assert.Equal(21, Fn.Of<int, int>((x, _) => x + 1).Remote(produced).Get());
    }
}
