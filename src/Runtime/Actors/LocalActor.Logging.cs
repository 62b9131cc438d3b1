using System;
using RaySharp.Observability.Logging;

namespace RaySharp.Actors;

/// <summary>What an actor's life tells <see cref="RayLogCategories.Actors"/>.</summary>
internal sealed partial class LocalActor
{
    private void LogRestart(string reason, Exception? cause) =>
        Backend.Runtime.Log.Actors.ActorRestarting(ClassName, Id, Restarts, _maxRestarts, reason, cause);

    private void LogDeath(string reason, Exception? cause) =>
        Backend.Runtime.Log.Actors.ActorDied(ClassName, Id, reason, cause);
}
