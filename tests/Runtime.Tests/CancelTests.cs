using System;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed partial class CancelTests
{
    [Fact]
    public void A_queued_task_never_runs_once_cancelled()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var gate = new Gate();
        var ran = false;
        var blocker = Fn.Of(ct => gate.Pass(ct)).Remote();
        var queued = Fn.Of(_ => ran = true, name: "Tests.Queued").Remote();

        Ray.Cancel(queued);
        gate.Open();

        var error = Assert.Throws<TaskCancelledException>(() => queued.Get());
        Assert.Equal("Tests.Queued", error.TaskName);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(blocker.Get());
        Assert.False(ran);
        Assert.Equal(1, ray.Runtime.AvailableResources()["CPU"]);
    }

    [Fact]
    public void A_task_waiting_for_dependencies_can_be_cancelled()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var upstream = Fn.Of(ct => gate.Pass(ct) ? 1 : 0).Remote();
        var dependent = Fn.Of<int, int>((x, _) => x).Remote(upstream);

        Ray.Cancel(dependent);
        gate.Open();

        Assert.Throws<TaskCancelledException>(() => dependent.Get());
        Assert.Equal(1, upstream.Get());
    }

    [Fact]
    public void A_running_task_sees_its_token_and_its_ref_is_cancelled()
    {
        using var ray = TestRuntime.Start();
        using var started = new Gate();
        var running = Fn.Of(ct =>
        {
            started.Open();
            Task.Delay(Timeout.Infinite, ct).Wait(ct);
            return 1;
        }).Remote();
        started.Pass();

        Ray.Cancel(running);

        Assert.Throws<TaskCancelledException>(() => running.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_running_task_that_ignores_its_token_keeps_its_result()
    {
        using var ray = TestRuntime.Start();
        using var started = new Gate();
        using var finish = new Gate();
        var contextSawCancel = false;
        var running = Fn.Of(_ =>
        {
            started.Open();
            finish.Pass();
            contextSawCancel = Ray.GetRuntimeContext().IsCancelled;
            return 5;
        }).Remote();
        started.Pass();

        Ray.Cancel(running);
        finish.Open();

        Assert.Equal(5, running.Get(TimeSpan.FromSeconds(30)));
        Assert.True(contextSawCancel);
    }

    [Fact]
    public void Force_fails_the_ref_of_a_running_task_at_once()
    {
        using var ray = TestRuntime.Start();
        using var started = new Gate();
        using var finish = new Gate();
        var running = Fn.Of(_ =>
        {
            started.Open();
            return finish.Pass();
        }).Remote();
        started.Pass();

        Ray.Cancel(running, force: true);

        Assert.Throws<TaskCancelledException>(() => running.Get(TimeSpan.FromSeconds(30)));
        finish.Open();
    }

    [Fact]
    public void Recursive_cancel_reaches_the_tasks_a_task_submitted()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        using var childStarted = new Gate();
        ObjectRef<int>? child = null;
        var grandchild = Fn.Of(ct =>
        {
            childStarted.Open();
            Task.Delay(Timeout.Infinite, ct).Wait(ct);
            return 1;
        });
        var parent = Fn.Of(ct =>
        {
            child = grandchild.Remote();
            Task.Delay(Timeout.Infinite, ct).Wait(ct);
            return 0;
        });

        var root = parent.Remote();
        childStarted.Pass();
        Ray.Cancel(root, recursive: true);

        Assert.Throws<TaskCancelledException>(() => root.Get(TimeSpan.FromSeconds(30)));
        Assert.Throws<TaskCancelledException>(() => child!.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Non_recursive_cancel_leaves_children_running()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        using var childStarted = new Gate();
        using var childFinish = new Gate();
        ObjectRef<int>? child = null;
        var grandchild = Fn.Of(_ =>
        {
            childStarted.Open();
            return childFinish.Pass() ? 1 : 0;
        });
        var parent = Fn.Of(ct =>
        {
            child = grandchild.Remote();
            Task.Delay(Timeout.Infinite, ct).Wait(ct);
            return 0;
        });

        var root = parent.Remote();
        childStarted.Pass();
        Ray.Cancel(root, recursive: false);
        childFinish.Open();

        Assert.Throws<TaskCancelledException>(() => root.Get(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, child!.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Cancelling_a_finished_task_or_a_put_does_nothing()
    {
        using var ray = TestRuntime.Start();
        var done = Fn.Of(_ => 3).Remote();
        done.Get();
        var put = Ray.Put(4);

        Ray.Cancel(done);
        Ray.Cancel(put);

        Assert.Equal(3, done.Get());
        Assert.Equal(4, put.Get());
    }
}
