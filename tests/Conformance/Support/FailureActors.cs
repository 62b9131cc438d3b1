using System;

namespace RaySharp.Conformance.Support;

/// <summary>
/// test_actor_failures.py's <c>RestartableActor</c>. Ray kills the worker process (<c>os._exit</c>, SIGKILL);
/// in one process a method throws <see cref="ActorCrashException"/> or the test calls
/// <c>Ray.Kill(handle, noRestart: false)</c>, RaySharp's stand-ins for a dying worker.
/// </summary>
[RayRemote(MaxRestarts = 1)]
public sealed partial class RestartableActor
{
    private int _value;

    public int Increase(bool exit)
    {
        if (exit)
        {
            throw new ActorCrashException("os._exit(-1)");
        }

        _value += 1;
        return _value;
    }

    /// <summary>Ray's <c>__ray_terminate__</c>: ends the actor gracefully, with no restart.</summary>
    public void Terminate() => Ray.ExitActor();
}

/// <summary>test_actor_failures.py's <c>RestartableActor</c> with <c>max_task_retries=-1</c> (Ray's <c>increase(delay)</c> sleeps; here it waits on a signal).</summary>
[RayRemote(MaxRestarts = 1, MaxTaskRetries = -1)]
public sealed partial class RetryingRestartableActor
{
    private int _value;

    public int Increase(ObjectRef<int>? gate)
    {
        gate?.Get(TimeSpan.FromSeconds(20));
        _value += 1;
        return _value;
    }

    public void Terminate() => Ray.ExitActor();
}

/// <summary>test_actor_failures.py::test_actor_restart_without_task's actor, which holds the custom resource "actor".</summary>
[RayRemote(MaxRestarts = 1, Resources = ["actor=1"])]
public sealed partial class ResourceHoldingActor
{
    public int Ping() => 0;
}

/// <summary>test_actor_failures.py::test_caller_actor_restart's caller, restarted once, that forwards to <see cref="CountingActor"/>.</summary>
[RayRemote(MaxRestarts = 1)]
public sealed partial class ForwardingActor
{
    private readonly CountingActor.Handle _actor;

    public ForwardingActor(CountingActor.Handle actor) => _actor = actor;

    public int Increase() => _actor.Increase().Get(TimeSpan.FromSeconds(20));
}

/// <summary>A counter restarted at most once (test_actor_failures.py's <c>Actor</c>).</summary>
[RayRemote(MaxRestarts = 1)]
public sealed partial class CountingActor
{
    private int _value;

    public int Increase() => ++_value;
}

/// <summary>doc_code/actor_restart.py's actor: it dies after every 10 calls, and is restarted up to 4 times.</summary>
[RayRemote(MaxRestarts = 4, MaxTaskRetries = -1)]
public sealed partial class SelfKillingActor
{
    private int _counter;

    public int IncrementAndPossiblyFail()
    {
        if (_counter == 10)
        {
            throw new ActorCrashException("os._exit(0)");
        }

        _counter += 1;
        return _counter;
    }
}
