namespace RaySharp;

/// <summary>One actor, as <see cref="RuntimeState.Actors"/> lists it (a row of Ray's <c>ray list actors</c>).</summary>
/// <param name="Id">The actor's id.</param>
/// <param name="ClassName">Its class's name.</param>
/// <param name="Name">Its name (<see cref="ActorOptions.Name"/>), or null for an unnamed actor.</param>
/// <param name="State">Pending creation, alive, restarting or dead.</param>
/// <param name="Restarts">How often it restarted (Ray's <c>num_restarts</c>).</param>
/// <param name="NodeId">The node it lives on (<see cref="NodeInfo.NodeId"/>).</param>
/// <param name="DeathCause">Why it died; null unless dead.</param>
public sealed record ActorInfo(ActorId Id, string ClassName, string? Name, ActorState State, int Restarts, string NodeId, string? DeathCause);
