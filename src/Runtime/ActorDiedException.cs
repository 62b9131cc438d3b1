using System;

namespace RaySharp;

/// <summary>
/// A call went to an actor that is dead: its constructor threw (the inner exception), it was killed, or the
/// runtime shut down. Calls to a dead actor fail at once and the actor's state is gone.
/// </summary>
public sealed class ActorDiedException : Exception
{
    /// <summary>Creates the exception for the actor <paramref name="actorId"/> of class <paramref name="className"/>.</summary>
    public ActorDiedException(string className, ActorId actorId, string reason, Exception? cause = null)
        : base($"Actor '{className}' ({actorId}) is dead: {reason}. Calls to it fail; create a new actor to go on.", cause)
    {
        ClassName = className;
        ActorId = actorId;
    }

    /// <summary>The actor's class.</summary>
    public string ClassName { get; }

    /// <summary>The actor's id.</summary>
    public ActorId ActorId { get; }
}
