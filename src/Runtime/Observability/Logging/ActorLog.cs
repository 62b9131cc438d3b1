using System;
using Microsoft.Extensions.Logging;

namespace RaySharp.Observability.Logging;

/// <summary>What <see cref="RayLogCategories.Actors"/> logs: restarts and deaths.</summary>
internal static partial class ActorLog
{
    [LoggerMessage(EventId = 2000, EventName = "ActorRestarting", Level = LogLevel.Warning,
        Message = "Actor {ClassName} {ActorId} restarts ({Restart} of MaxRestarts {MaxRestarts}): {Reason}")]
    public static partial void ActorRestarting(this ILogger logger, string className, ActorId actorId, int restart, int maxRestarts, string reason, Exception? cause);

    [LoggerMessage(EventId = 2001, EventName = "ActorDied", Level = LogLevel.Debug, Message = "Actor {ClassName} {ActorId} died: {Reason}")]
    public static partial void ActorEnded(this ILogger logger, string className, ActorId actorId, string reason);

    [LoggerMessage(EventId = 2002, EventName = "ActorCrashed", Level = LogLevel.Warning, Message = "Actor {ClassName} {ActorId} died: {Reason}")]
    public static partial void ActorCrashed(this ILogger logger, string className, ActorId actorId, string reason, Exception cause);

    /// <summary>An actor died for good: a Warning with the exception when something went wrong, a Debug line when it was killed, exited or went out of scope.</summary>
    public static void ActorDied(this ILogger logger, string className, ActorId actorId, string reason, Exception? cause)
    {
        if (cause is null)
        {
            logger.ActorEnded(className, actorId, reason);
        }
        else
        {
            logger.ActorCrashed(className, actorId, reason, cause);
        }
    }
}
