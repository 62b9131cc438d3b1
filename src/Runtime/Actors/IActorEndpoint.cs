using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>Where a handle's calls go: a local mailbox today, a remote actor through the cluster backend later.</summary>
internal interface IActorEndpoint
{
    /// <summary>The actor's class name, for messages.</summary>
    string ClassName { get; }

    /// <summary>Ends the actor (Ray's <c>ray.kill</c>), restarting it when <paramref name="noRestart"/> is false and restarts are left.</summary>
    void Kill(bool noRestart);

    /// <summary>A handle bound to the actor came alive.</summary>
    void HandleCreated();

    /// <summary>A handle bound to the actor was collected.</summary>
    void HandleCollected();

    /// <summary>Queues a method call and returns the ref of its result at once.</summary>
    ObjectRef<T> Call<T>(TaskSpec spec);

    /// <summary>Queues a call with two results.</summary>
    (ObjectRef<T1>, ObjectRef<T2>) Call<T1, T2>(TaskSpec spec);

    /// <summary>Queues a call with three results.</summary>
    (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Call<T1, T2, T3>(TaskSpec spec);

    /// <summary>Queues a streaming call.</summary>
    ObjectRefGenerator<T> CallStreaming<T>(TaskSpec spec);
}
