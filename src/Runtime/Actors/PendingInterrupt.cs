using System;

namespace RaySharp.Actors;

/// <summary>A restart (a kill or a crash) asked for while the actor's constructor ran, done once it returns.</summary>
internal sealed record PendingInterrupt(string? RestartReason, string DeathReason, Exception? Cause);
