using RaySharp.Backend;

namespace RaySharp.Actors;

/// <summary>Where a handle's calls go: a local mailbox (<see cref="LocalActor"/>), or in a cluster an actor on another node (the cluster backend's endpoint).</summary>
internal interface IActorEndpoint
{
    /// <summary>The backend that runs the actor: its calls go through that backend's <see cref="IRayBackend.Submit"/>.</summary>
    IRayBackend Backend { get; }

    /// <summary>The actor's class name, for messages.</summary>
    string ClassName { get; }

    /// <summary>The actor's id.</summary>
    ActorId Id { get; }

    /// <summary>The actor's name, or null when it has none.</summary>
    string? Name { get; }

    /// <summary>How often the actor has restarted.</summary>
    int Restarts { get; }

    /// <summary>The generated handle type of the actor's class.</summary>
    System.Type HandleType { get; }

    /// <summary>A new handle to the actor, bound to it (Ray's <c>current_actor</c>).</summary>
    ActorHandle NewHandle();

    /// <summary>Ends the actor (Ray's <c>ray.kill</c>), restarting it when <paramref name="noRestart"/> is false and restarts are left.</summary>
    void Kill(bool noRestart);

    /// <summary>A handle bound to the actor came alive.</summary>
    void HandleCreated();

    /// <summary>A handle bound to the actor was collected.</summary>
    void HandleCollected();
}
