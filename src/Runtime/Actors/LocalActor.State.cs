namespace RaySharp.Actors;

/// <summary>The actor as the state API shows it.</summary>
internal sealed partial class LocalActor
{
    /// <summary>A row for <see cref="RuntimeState.Actors"/>: read without the actor's lock, so a row may lag a change under way.</summary>
    public ActorInfo Describe(string nodeId)
    {
        var state = _state switch
        {
            ActorState.Alive => RaySharp.ActorState.Alive,
            ActorState.Dead => RaySharp.ActorState.Dead,
            _ => Restarts > 0 ? RaySharp.ActorState.Restarting : RaySharp.ActorState.PendingCreation,
        };
        var cause = state == RaySharp.ActorState.Dead ? _death?.SourceException.Message : null;
        return new ActorInfo(Id, ClassName, Name, state, Restarts, nodeId, cause);
    }
}
