using System;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Conformance.Support;

/// <summary>test_actor_advanced.py's <c>Queue</c> actor (setup_queue_actor).</summary>
[RayRemote]
public sealed partial class KeyedQueue
{
    private readonly List<(int Key, int Item)> _queue = [];

    public void Enqueue(int key, int item) => _queue.Add((key, item));

    public (int Key, int Item)[] Read() => [.. _queue];
}

/// <summary>test_deleted_actor_no_restart's actor: holds the "actor" resource, may restart 3 times, and reports disposal.</summary>
[RayRemote(MaxRestarts = 3, Resources = ["actor=1"])]
public sealed partial class ResourceProbe : IDisposable
{
    private readonly string _key;

    public ResourceProbe(string key) => _key = key;

    public int Method() => 1;

    public void Dispose() => DisposalProbe.Disposed[_key] = true;
}

/// <summary>test_kill's actor: <c>Hang</c> blocks until cancelled (Ray loops forever).</summary>
[RayRemote]
public sealed partial class HangingActor
{
    public int Hang(CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(20));
        cancellationToken.ThrowIfCancellationRequested();
        return 0;
    }
}

/// <summary>test_actor_creation_task_crash's actor that dies in its constructor.</summary>
[RayRemote(MaxRestarts = 0)]
public sealed partial class CrashingConstructorActor
{
    public CrashingConstructorActor() => throw new ActorCrashException("os._exit(0)");

    public string F() => "ACTOR OK";
}

/// <summary>test_actor_creation_task_crash's actor that dies in its first two constructors, then lives.</summary>
[RayRemote(MaxRestarts = 3)]
public sealed partial class EventuallyStartingActor
{
    /// <summary>Ray keeps the count in the internal KV store; one process keeps it in a static.</summary>
    public static int Count;

    public EventuallyStartingActor()
    {
        if (Interlocked.Increment(ref Count) < 3)
        {
            throw new ActorCrashException("crash: " + Count);
        }
    }

    public string F() => "ACTOR OK";
}
