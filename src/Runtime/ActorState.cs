namespace RaySharp;

/// <summary>Where an actor is in its life, as <see cref="RuntimeState.Actors"/> lists it (Ray's actor states).</summary>
public enum ActorState
{
    /// <summary>Its constructor has not returned yet, the first time (Ray's <c>PENDING_CREATION</c>).</summary>
    PendingCreation,

    /// <summary>Its constructor returned; it takes calls (Ray's <c>ALIVE</c>).</summary>
    Alive,

    /// <summary>It died and its constructor runs again (Ray's <c>RESTARTING</c>).</summary>
    Restarting,

    /// <summary>It is gone for good (Ray's <c>DEAD</c>); <see cref="ActorInfo.DeathCause"/> says why.</summary>
    Dead,
}
