using System;

namespace RaySharp;

/// <summary>
/// Throw it from an actor method to crash the actor, as a worker process dying does in Ray: the calling method's
/// ref fails with <see cref="ActorDiedException"/>, and the actor restarts (its constructor runs again with the
/// original arguments) while <see cref="ActorOptions.MaxRestarts"/> allows. Any other exception fails only its call.
/// </summary>
public sealed class ActorCrashException : Exception
{
    /// <summary>Creates the exception with a message that says why the actor cannot go on.</summary>
    public ActorCrashException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
