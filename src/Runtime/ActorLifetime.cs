namespace RaySharp;

/// <summary>How long an actor lives, as Ray's <c>lifetime</c> actor option.</summary>
public enum ActorLifetime
{
    /// <summary>
    /// The default: an unnamed actor ends once every handle to it is collected; a named one lives until it is killed
    /// or the runtime shuts down. Either way, an actor created inside another actor dies with that actor (its owner),
    /// as in Ray.
    /// </summary>
    NonDetached,

    /// <summary>
    /// The actor outlives its handles and the actor that created it: it ends only when killed (<see cref="Ray.Kill"/>)
    /// or when the runtime shuts down. In Ray a detached actor also outlives the job that created it; that part means
    /// something once a cluster backend runs jobs apart.
    /// Give it a <see cref="ActorOptions.Name"/> to find it again with <see cref="Ray.GetActor{THandle}(string, string?)"/>.
    /// </summary>
    Detached,
}
