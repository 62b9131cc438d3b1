using System;
using System.Linq;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_failure.py. A dying worker is played by <see cref="ActorCrashException"/> (in an actor)
/// or <c>Ray.Kill</c> (Ray's <c>os.kill(pid, 9)</c>). Ray's error channel to the driver (<c>error_pubsub</c>,
/// <c>get_error_message</c>) has no RaySharp counterpart: errors reach the caller through its refs only, so the
/// parts of a test that read that channel are left out and said so.
/// </summary>
public sealed partial class TestFailure
{
    [RayRemote]
    public static int Consume(int x) => 0;

    [RayRemote]
    public static int Bar(int divisor) => 1 / divisor;

    [RayRemote]
    public static int Foo() => Remote.Bar(0).Get(Bounds.Must);

    [Fact]
    public void test_get_throws_quickly_when_found_exception()
    {
        // Ports test_failure.py::test_get_throws_quickly_when_found_exception: a get of several refs throws as soon
        // as one fails, though the other never finishes; os._exit(0) is ActorCrashException.
        using var ray = TestRuntime.Start(cpus: 1);
        var signal1 = SignalActor.Remote.New();
        var actor = QuickFailureActor.Remote.WithOptions(new ActorOptions { MaxConcurrency = 2 }).New();
        ExpectException<RayTaskException>(actor.BadFunc1(), actor.SlowFunc(signal1));
        signal1.Send(false).Get(Bounds.Must);

        var signal2 = SignalActor.Remote.New();
        actor = QuickFailureActor.Remote.WithOptions(new ActorOptions { MaxConcurrency = 2 }).New();
        ExpectException<ActorDiedException>(actor.BadFunc2(), actor.SlowFunc(signal2));
        signal2.Send(false).Get(Bounds.Must);
    }

    [Fact]
    public void test_failed_actor_init()
    {
        // Ports test_failure.py::test_failed_actor_init: calls on an actor whose constructor failed raise
        // RayActorError carrying the constructor's error. The error_pubsub check of the push to the driver is left out.
        using var ray = TestRuntime.Start(cpus: 1);
        var a = FailedInitActor.Remote.New();

        var error = Assert.Throws<ActorDiedException>(() => a.FailMethod().Get(Bounds.Must));

        Assert.Contains(FailedInitActor.ConstructorMessage, error.ToString());
    }

    [Fact]
    public void test_actor_worker_dying()
    {
        // Ports test_failure.py::test_actor_worker_dying (the error_pubsub check left out). Ray's task that reads the
        // dead actor's ref raises RayTaskError (an instance of its cause too); in RaySharp a task whose argument
        // failed fails with that same exception without running (docs/runtime.md, "Dependencies hold nothing").
        using var ray = TestRuntime.Start(cpus: 1);
        var a = DyingActor.Remote.New();

        var (ready, _) = Ray.Wait(new[] { a.Kill() }, timeout: Bounds.Must);
        var obj = Assert.Single(ready);

        Assert.Throws<ActorDiedException>(() => obj.Get(Bounds.Must));
        Assert.Throws<ActorDiedException>(() => Remote.Consume(obj).Get(Bounds.Must));
    }

    [Fact]
    public void test_actor_worker_dying_future_tasks()
    {
        // Ports test_failure.py::test_actor_worker_dying_future_tasks (the error_pubsub check left out): os.kill(pid, 9)
        // is Ray.Kill; the first sleep is made sure to be running when the actor is killed, and the sleeps wait on a
        // signal that is sent only after the checks.
        using var ray = TestRuntime.Start(cpus: 1);
        var signal = SignalActor.Remote.New();
        var a = DyingActor.Remote.New();
        a.GetPid().Get(Bounds.Must);
        var tasks1 = Enumerable.Range(0, 10).Select(_ => a.Sleep(signal)).ToList();
        signal.AwaitWaiters(1);

        Ray.Kill(a);
        var tasks2 = Enumerable.Range(0, 10).Select(_ => a.Sleep(signal)).ToList();

        foreach (var obj in tasks1.Concat(tasks2))
        {
            Assert.Throws<ActorDiedException>(() => obj.Get(Bounds.Must));
        }

        signal.Send(false).Get(Bounds.Must);
    }

    [Fact]
    public void test_actor_worker_dying_nothing_in_progress()
    {
        // Ports test_failure.py::test_actor_worker_dying_nothing_in_progress (os.kill(pid, 9) is Ray.Kill, and the
        // 0.1 s sleep after it is not needed: the kill takes effect at once).
        using var ray = TestRuntime.Start(cpus: 1);
        var a = DyingActor.Remote.New();
        a.GetPid().Get(Bounds.Must);

        Ray.Kill(a);
        var task2 = a.GetPid();

        Assert.Throws<ActorDiedException>(() => task2.Get(Bounds.Must));
    }

    [Fact]
    public void test_exception_chain()
    {
        // Ports test_failure.py::test_exception_chain: the error of a task that failed because the task it read failed
        // is a RayTaskError whose root cause is the original ZeroDivisionError (DivideByZeroException).
        using var ray = TestRuntime.Start(cpus: 1);
        var r = Remote.Foo();

        var error = Assert.Throws<RayTaskException>(() => r.Get(Bounds.Must));

        Assert.IsType<DivideByZeroException>(error.GetBaseException());
    }

    /// <summary>Ray's <c>expect_exception</c>: the get of <paramref name="objects"/> raises exactly <typeparamref name="TError"/>.</summary>
    private static void ExpectException<TError>(params ObjectRef<int>[] objects)
        where TError : Exception
    {
        var error = Record.Exception(() => Ray.Get(objects, Bounds.Must));
        Assert.IsType<TError>(error);
    }
}
