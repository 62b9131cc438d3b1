using System;

namespace RaySharp.Conformance.Support;

/// <summary>test_failure.py::test_get_throws_quickly_when_found_exception's <c>Actor</c> (created with <c>max_concurrency=2</c>).</summary>
[RayRemote]
public sealed partial class QuickFailureActor
{
    public int BadFunc1() => throw new InvalidOperationException("Test function intentionally failed.");

    /// <summary>Ray's <c>os._exit(0)</c>: the actor's worker dies.</summary>
    public int BadFunc2() => throw new ActorCrashException("os._exit(0)");

    public int SlowFunc(SignalActor.Handle signal) => signal.Wait().Get(Bounds.Hang);
}

/// <summary>test_failure.py::test_failed_actor_init's <c>FailedActor</c>: its constructor throws.</summary>
[RayRemote]
public sealed partial class FailedInitActor
{
    public const string ConstructorMessage = "actor constructor failed";

    public FailedInitActor() => throw new InvalidOperationException(ConstructorMessage);

    public int FailMethod() => throw new InvalidOperationException("actor method failed");
}

/// <summary>
/// test_failure.py's dying actors (<c>max_restarts=0</c>): <c>Kill</c> is Ray's <c>eval("exit()")</c> in the actor,
/// <c>Sleep</c> stands for <c>time.sleep(1)</c> and waits on a signal instead.
/// </summary>
[RayRemote]
public sealed partial class DyingActor
{
    public int Kill() => throw new ActorCrashException("exit()");

    public int Sleep(SignalActor.Handle signal) => signal.Wait().Get(Bounds.Hang);

    public int GetPid() => Environment.ProcessId;
}

/// <summary>test_failure_2.py::test_fill_object_store_exception's <c>LargeMemoryActor</c> (older copy of the file).</summary>
[RayRemote]
public sealed partial class LargeMemoryActor
{
    public byte[] SomeExpensiveTask() => new byte[TestFailure2.Store + 2];

    public int Test() => 1;
}
