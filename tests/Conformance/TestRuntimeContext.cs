using System.Collections.Generic;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>Ray's python/ray/tests/test_runtime_context.py (node, job and placement-group ids have no one-process meaning).</summary>
public sealed partial class TestRuntimeContext
{
    [RayRemote]
    public static bool TaskHasIds() => Ray.GetRuntimeContext() is { ActorId: null, TaskId: not null };

    [RayRemote]
    public static Dictionary<string, double> Check() => new(Ray.GetRuntimeContext().AssignedResources);

    [RayRemote]
    public static string? GetTaskNameForNormalTask() => Ray.GetRuntimeContext().TaskName;

    [RayRemote]
    public static string? TaskActorName() => Ray.GetRuntimeContext().ActorName;

    [Fact]
    public void test_was_current_actor_reconstructed()
    {
        // Ports test_runtime_context.py::test_was_current_actor_reconstructed (SIGKILL is Ray.Kill with
        // noRestart: false); the job-id half has no one-process meaning.
        using var ray = TestRuntime.Start(cpus: 2);
        var a = ReconstructionProbe.Remote.New();
        Assert.False(a.GetWasReconstructed().Get(Bounds.Must));
        Assert.False(a.UpdateWasReconstructed().Get(Bounds.Must));

        Ray.Kill(a, noRestart: false);
        Assert.True(a.GetWasReconstructed().Get(Bounds.Must));
        Assert.True(a.UpdateWasReconstructed().Get(Bounds.Must));

        var reporter = ContextReporter.Remote.New();
        Assert.True(reporter.HasIds().Get(Bounds.Must));
        Assert.True(Remote.TaskHasIds().Get(Bounds.Must));
    }

    [Fact]
    public void test_get_context_dict()
    {
        // Ports test_runtime_context.py::test_get_context_dict: the task and actor ids (node and job ids do not apply).
        using var ray = TestRuntime.Start(cpus: 1);
        var context = Ray.GetRuntimeContext();
        Assert.Null(context.ActorId);
        Assert.Null(context.TaskId);

        var a = ContextReporter.Remote.New();
        Assert.True(a.HasIds().Get(Bounds.Must));
        Assert.True(Remote.TaskHasIds().Get(Bounds.Must));
    }

    [Fact]
    public void test_current_actor()
    {
        // Ports test_runtime_context.py::test_current_actor.
        using var ray = TestRuntime.Start(cpus: 1);
        var e = SelfCallingEcho.Remote.New();
        var obj = e.Echo("hello");
        Assert.Equal("hello", obj.Get(Bounds.Must).Get(Bounds.Must));
    }

    [Fact]
    public void test_get_assigned_resources()
    {
        // Ports test_runtime_context.py::test_get_assigned_resources.
        using var ray = TestRuntime.Start(cpus: 10);
        var e = ContextReporter.Remote.New();
        Assert.False(e.Check().Get(Bounds.Must).ContainsKey("CPU"));
        Ray.Kill(e);

        e = ContextReporter.Remote.WithOptions(new ActorOptions { NumCpus = 4 }).New();
        Assert.Equal(4.0, e.Check().Get(Bounds.Must)["CPU"]);
        Ray.Kill(e);

        Assert.Equal(1.0, Remote.Check().Get(Bounds.Must)["CPU"]);
        Assert.Equal(2.0, Remote.WithOptions(new TaskOptions { NumCpus = 2 }).Check().Get(Bounds.Must)["CPU"]);
    }

    [Fact]
    public void test_ids()
    {
        // Ports test_runtime_context.py::test_ids: task, actor and actor-name ids (node, job and placement-group ids
        // do not apply).
        using var ray = TestRuntime.Start(cpus: 1);
        var rtc = Ray.GetRuntimeContext();
        Assert.Null(rtc.ActorName);
        Assert.Null(rtc.TaskId);
        Assert.True(Remote.TaskHasIds().Get(Bounds.Must));
        Assert.Null(rtc.ActorId);
        Assert.True(ContextReporter.Remote.New().HasIds().Get(Bounds.Must));

        var namedActor = ContextReporter.Remote.WithOptions(new ActorOptions { Name = "actor_name" }).New();
        Assert.Equal("actor_name", namedActor.Name().Get(Bounds.Must));
        Assert.Equal(string.Empty, ContextReporter.Remote.New().Name().Get(Bounds.Must));
        Assert.Null(Remote.TaskActorName().Get(Bounds.Must));
        Assert.Null(rtc.ActorName);
    }

    [Fact]
    public void test_get_task_name()
    {
        // Ports test_runtime_context.py::test_get_task_name. Differs: an actor task is named after the class's full
        // name (namespace included, unique across assemblies) where Ray uses the bare class name.
        using var ray = TestRuntime.Start(cpus: 2);
        Assert.Equal(
            "normal_task_name",
            Remote.WithOptions(new TaskOptions { Name = "normal_task_name" }).GetTaskNameForNormalTask().Get(Bounds.Must));

        var actor = ContextReporter.Remote.New();
        Assert.Equal(Full("ContextReporter.GetTaskNameForActorTask"), actor.GetTaskNameForActorTask().Get(Bounds.Must));

        var threaded = ContextReporter.Remote.WithOptions(new ActorOptions { MaxConcurrency = 2 }).New();
        Assert.Equal(Full("ContextReporter.GetTaskNameForActorTask"), threaded.GetTaskNameForActorTask().Get(Bounds.Must));

        var asyncActor = AsyncContextReporter.Remote.New();
        Assert.Equal(Full("AsyncContextReporter.GetTaskNameForAsyncActorTask"), asyncActor.GetTaskNameForAsyncActorTask().Get(Bounds.Must));
    }

    private static string Full(string name) => "RaySharp.Conformance.Support." + name;
}
