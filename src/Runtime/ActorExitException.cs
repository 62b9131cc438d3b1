using System;

namespace RaySharp;

/// <summary>
/// Thrown by <see cref="Ray.ExitActor"/> to end the calling actor gracefully: it is not restarted, its instance is
/// disposed, and the calls queued behind it fail with <see cref="ActorDiedException"/>. Let it propagate.
/// </summary>
public sealed class ActorExitException : Exception
{
    internal ActorExitException()
        : base("The actor called Ray.ExitActor(); it ends after this call. Do not catch this exception.")
    {
    }
}
