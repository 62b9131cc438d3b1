using System;
using System.Linq;
using System.Threading;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests.Observability;

/// <summary>
/// Ray's state API (<c>ray list tasks/actors/nodes</c>, <c>ray summary tasks</c>) on the in-process runtime. Ray's own
/// test_state_api.py mostly drives the dashboard's aggregator with mocked gRPC replies; these tests assert the same
/// columns, filters and limits against real tasks and actors.
/// </summary>
public sealed class StateApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_task_handed_off_by_the_one_before_it_shows_running_on_that_thread_from_that_ones_end()
    {
        // On one CPU the worker that ends the first task runs the second itself (a hand-off); the first one's end
        // event is the second one's start, which writes none of its own.
        using var ray = TestRuntime.Start(numCpus: 1);
        using var firstGate = new Gate();
        using var secondGate = new Gate();
        using var firstStarted = new ManualResetEventSlim();
        using var secondStarted = new ManualResetEventSlim();
        var first = Fn.Of(ct =>
        {
            firstStarted.Set();
            return firstGate.Pass(ct);
        }, name: "State.First").Remote();
        Assert.True(firstStarted.Wait(Timeout));
        var second = Fn.Of(ct =>
        {
            secondStarted.Set();
            return secondGate.Pass(ct);
        }, name: "State.Second").Remote();

        firstGate.Open();
        Assert.True(first.Get(Timeout));
        Assert.True(secondStarted.Wait(Timeout));
        var tasks = Ray.State.Tasks().ToDictionary(t => t.Name);

        var (ended, running) = (tasks["State.First"], tasks["State.Second"]);
        Assert.Equal(TaskState.Finished, ended.State);
        Assert.Equal(TaskState.Running, running.State);
        Assert.Equal(1, running.Attempts);
        Assert.Equal(ended.WorkerThreadId, running.WorkerThreadId);
        Assert.Equal(ended.EndTime, running.StartTime);
        Assert.Equal(1, Ray.State.SummarizeTasks().Single(s => s.Name == "State.Second").Running);
        secondGate.Open();
        Assert.True(second.Get(Timeout));
        Assert.Equal(TaskState.Finished, Ray.State.Tasks(name: "State.Second").Single().State);
    }

    [Fact]
    public void With_precise_task_times_a_task_that_runs_50_microseconds_lasts_at_least_that_long()
    {
        // The default clock steps once a millisecond, so such a task would mostly show 0 or 1 ms; the precise one
        // brackets the task's own measured run (a lower bound, so a slow machine cannot fail it).
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 1, EnableTaskEvents = true, PreciseTaskTimes = true });
        var spin = Fn.Of(_ =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromMicroseconds(50))
            {
            }

            return true;
        }, name: "State.Spin").Remote();
        Assert.True(spin.Get(Timeout));

        var task = Ray.State.Tasks(name: "State.Spin").Single();
        Assert.True(task.EndTime - task.StartTime >= TimeSpan.FromMicroseconds(50), $"{task.StartTime:O} to {task.EndTime:O}");
        Assert.True(task.CreationTime <= task.StartTime);
    }

    [Fact]
    public void Tasks_show_pending_running_finished_and_failed_tasks_with_the_error()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var gate = new Gate();
        using var started = new ManualResetEventSlim();
        var finished = Fn.Of(_ => 1, name: "State.Finish").Remote();
        Assert.Equal(1, finished.Get(Timeout));
        var failed = Fn.Of<int>(_ => throw new InvalidOperationException("boom"), name: "State.Fail").Remote();
        Assert.Throws<RayTaskException>(() => failed.Get(Timeout));
        var running = Fn.Of(ct =>
        {
            started.Set();
            return gate.Pass(ct);
        }, name: "State.Block").Remote();
        Assert.True(started.Wait(Timeout));
        var pending = Fn.Of(_ => 2, name: "State.Pending").Remote(); // the one CPU is held by State.Block

        var tasks = Ray.State.Tasks().ToDictionary(t => t.Name);

        Assert.Equal(TaskState.Finished, tasks["State.Finish"].State);
        Assert.Equal(TaskState.Failed, tasks["State.Fail"].State);
        Assert.Equal("System.InvalidOperationException", tasks["State.Fail"].ErrorType);
        Assert.Equal("boom", tasks["State.Fail"].ErrorMessage);
        Assert.Equal(TaskState.Running, tasks["State.Block"].State);
        Assert.Equal(TaskState.Pending, tasks["State.Pending"].State);
        Assert.Equal(finished.Id.Sequence, tasks["State.Finish"].Id.Sequence);
        Assert.Equal(1, tasks["State.Finish"].Attempts);
        Assert.Equal(0, tasks["State.Pending"].Attempts);
        Assert.NotNull(tasks["State.Block"].WorkerThreadId);
        Assert.Null(tasks["State.Pending"].StartTime);
        Assert.All(tasks.Values, t => Assert.Equal(TaskType.NormalTask, t.Type));
        Assert.All(tasks.Values, t => Assert.Equal(Ray.State.Nodes().Single().NodeId, t.NodeId));
        var finish = tasks["State.Finish"];
        Assert.True(finish.CreationTime <= finish.StartTime && finish.StartTime <= finish.EndTime, $"{finish.CreationTime:O} {finish.StartTime:O} {finish.EndTime:O}");

        gate.Open();
        Assert.Equal(2, pending.Get(Timeout));
        Assert.True(running.Get(Timeout));
        Assert.All(Ray.State.Tasks(name: "State.Pending").Concat(Ray.State.Tasks(name: "State.Block")), t => Assert.Equal(TaskState.Finished, t.State));
    }

    [Fact]
    public void Tasks_filter_by_state_and_name_and_keep_the_newest_up_to_the_limit()
    {
        using var ray = TestRuntime.Start();
        var square = Fn.Of<int, int>((x, _) => x * x, name: "State.Square");
        var refs = Enumerable.Range(0, 5).Select(i => square.Remote(i)).ToList();
        Assert.Equal([0, 1, 4, 9, 16], Ray.Get(refs));
        var failed = Fn.Of<int>(_ => throw new ArgumentException("bad"), name: "State.Bad").Remote();
        Assert.Throws<RayTaskException>(() => failed.Get(Timeout));

        Assert.Equal(6, Ray.State.Tasks().Count);
        Assert.Equal(refs.Select(r => r.Id.Sequence), Ray.State.Tasks(name: "State.Square").Select(t => t.Id.Sequence));
        Assert.Equal(refs.Skip(3).Select(r => r.Id.Sequence), Ray.State.Tasks(name: "State.Square", limit: 2).Select(t => t.Id.Sequence));
        Assert.Equal("State.Bad", Assert.Single(Ray.State.Tasks(state: TaskState.Failed)).Name);
        Assert.Empty(Ray.State.Tasks(state: TaskState.Running));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ray.State.Tasks(limit: 0));
        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_task_names_its_parent()
    {
        using var ray = TestRuntime.Start();
        var child = Fn.Of(_ => 5, name: "State.Child");
        var parent = Fn.Of(_ => child.Remote().Get(Timeout) + 1, name: "State.Parent").Remote();

        Assert.Equal(6, parent.Get(Timeout));

        var tasks = Ray.State.Tasks().ToDictionary(t => t.Name);
        Assert.Equal(parent.Id.Sequence, tasks["State.Child"].ParentTaskId?.Sequence);
        Assert.Null(tasks["State.Parent"].ParentTaskId);
    }

    [Fact]
    public void A_retried_task_counts_its_attempts()
    {
        using var ray = TestRuntime.Start();
        var calls = 0;
        var flaky = Fn.Of(_ => Interlocked.Increment(ref calls) < 3 ? throw new TimeoutException("flaky") : calls, name: "State.Flaky")
            .Remote(new TaskOptions { MaxRetries = 5, RetryExceptions = RetryExceptions.All });

        Assert.Equal(3, flaky.Get(Timeout));

        var task = Assert.Single(Ray.State.Tasks(name: "State.Flaky"));
        Assert.Equal(TaskState.Finished, task.State);
        Assert.Equal(3, task.Attempts);
        Assert.Null(task.ErrorType);
    }

    [Fact]
    public void SummarizeTasks_counts_each_name_by_state()
    {
        using var ray = TestRuntime.Start();
        var ok = Fn.Of(_ => 1, name: "State.Ok");
        Assert.Equal([1, 1, 1], Ray.Get([ok.Remote(), ok.Remote(), ok.Remote()]));
        var failed = Fn.Of<int>(_ => throw new InvalidOperationException("no"), name: "State.No").Remote();
        Assert.Throws<RayTaskException>(() => failed.Get(Timeout));

        var summary = Ray.State.SummarizeTasks().ToDictionary(s => s.Name);

        Assert.Equal(new TaskSummary("State.Ok", TaskType.NormalTask, 0, 0, 3, 0, 0), summary["State.Ok"]);
        Assert.Equal(new TaskSummary("State.No", TaskType.NormalTask, 0, 0, 0, 1, 0), summary["State.No"]);
        Assert.Equal(3, summary["State.Ok"].Total);
        Assert.Equal(Ray.State.SummarizeTasks(), TaskSummary.Of(Ray.State.Tasks()));
        Assert.Throws<ArgumentNullException>(() => TaskSummary.Of(null!));
    }

    [Fact]
    public void A_cancelled_task_is_listed_as_cancelled()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var gate = new Gate();
        using var started = new ManualResetEventSlim();
        var blocker = Fn.Of(ct =>
        {
            started.Set();
            return gate.Pass(ct);
        }, name: "State.Hold").Remote();
        Assert.True(started.Wait(Timeout));
        var waiting = Fn.Of(_ => 1, name: "State.Cancelled").Remote();

        Ray.Cancel(waiting);
        Assert.Throws<TaskCancelledException>(() => waiting.Get(Timeout));

        var task = Assert.Single(Ray.State.Tasks(name: "State.Cancelled"));
        Assert.Equal(TaskState.Cancelled, task.State);
        Assert.Equal(typeof(TaskCancelledException).FullName, task.ErrorType);
        gate.Open();
        Assert.True(blocker.Get(Timeout));
    }

    [Fact]
    public void Actors_and_their_calls_are_listed_and_a_killed_actor_is_dead_with_its_cause()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(0, new ActorOptions { Name = "state-counter" });
        Assert.Equal(2, counter.Increment(2).Get(Timeout));

        var alive = Assert.Single(Ray.State.Actors());
        Assert.Equal(new ActorInfo(counter.Id, "Counter", "state-counter", ActorState.Alive, 0, Ray.State.Nodes().Single().NodeId, null), alive);
        var tasks = Ray.State.Tasks();
        var creation = Assert.Single(tasks, t => t.Type == TaskType.ActorCreationTask);
        Assert.Equal("Tests.Counter.New", creation.Name);
        var call = Assert.Single(tasks, t => t.Type == TaskType.ActorTask);
        Assert.Equal(("Tests.Counter.Increment", TaskState.Finished, counter.Id), (call.Name, call.State, call.ActorId!.Value));

        Ray.Kill(counter);
        Assert.Throws<ActorDiedException>(() => counter.Increment(1).Get(Timeout));

        var dead = Assert.Single(Ray.State.Actors(state: ActorState.Dead));
        Assert.Equal(counter.Id, dead.Id);
        Assert.Contains("Ray.Kill", dead.DeathCause, StringComparison.Ordinal);
        Assert.Empty(Ray.State.Actors(state: ActorState.Alive));
        Assert.Single(Ray.State.Actors(className: "Counter"));
        Assert.Empty(Ray.State.Actors(className: "Other"));
    }

    [Fact]
    public void Nodes_show_the_resources_in_total_and_free_now()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Resources = new System.Collections.Generic.Dictionary<string, double> { ["disk"] = 4 } });
        using var gate = new Gate();
        using var started = new ManualResetEventSlim();
        var holder = Fn.Of(ct =>
        {
            started.Set();
            return gate.Pass(ct);
        }).Remote(new TaskOptions { Resources = new System.Collections.Generic.Dictionary<string, double> { ["disk"] = 1 } });
        Assert.True(started.Wait(Timeout));

        var node = Assert.Single(Ray.State.Nodes());

        Assert.True(node.IsHeadNode);
        Assert.True(node.IsAlive);
        Assert.Equal(Environment.MachineName, node.NodeName);
        Assert.Equal(2, node.ResourcesTotal["CPU"]);
        Assert.Equal(4, node.ResourcesTotal["disk"]);
        Assert.Equal(1, node.ResourcesAvailable["CPU"]);
        Assert.Equal(3, node.ResourcesAvailable["disk"]);
        Assert.Matches("^[0-9a-f]{16}$", node.NodeId);
        gate.Open();
        Assert.True(holder.Get(Timeout));
    }

    [Fact]
    public void Task_events_are_off_by_default()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        using (runtime.MakeCurrent())
        {
            Assert.Equal(1, Fn.Of(_ => 1).Remote().Get(Timeout));
        }

        Assert.True(runtime.Options.EnableTaskEvents); // on by default, as Ray's enable_task_events
        Assert.Single(runtime.State.Tasks());
    }

    [Fact]
    public void With_task_events_off_no_task_is_recorded()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, EnableTaskEvents = false });
        Assert.Equal(1, Fn.Of(_ => 1).Remote().Get(Timeout));

        Assert.Empty(Ray.State.Tasks());
        Assert.Empty(Ray.State.SummarizeTasks());
        Assert.Single(Ray.State.Nodes());
    }

    [Fact]
    public void Runtimes_side_by_side_keep_their_own_tasks()
    {
        using var first = new RayRuntime(new RayOptions { NumCpus = 1, EnableTaskEvents = true });
        using var second = new RayRuntime(new RayOptions { NumCpus = 1, EnableTaskEvents = true });
        var one = Fn.Of(_ => 1, name: "State.First");

        using (first.MakeCurrent())
        {
            Assert.Equal(1, one.Remote().Get(Timeout));
        }

        Assert.Equal("State.First", Assert.Single(first.State.Tasks()).Name);
        Assert.Empty(second.State.Tasks());
    }
}
