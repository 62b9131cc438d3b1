using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// What a restart decided under the actor's lock and does after leaving it: the incarnation to end, and the running
/// calls that no retry is left for, to fail with <see cref="Interrupted"/>; <see cref="Reason"/> and <see cref="Cause"/> for its log.
/// </summary>
internal sealed record RestartPlan(ActorIncarnation? Ended, List<LocalTask> Failed, ExceptionDispatchInfo Interrupted, string Reason, Exception? Cause);
