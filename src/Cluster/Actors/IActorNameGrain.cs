using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// One actor name of one namespace, cluster-wide (Ray's GCS named-actor table, one entry per grain): keyed by
/// <see cref="ActorNames.Key"/>. Orleans' grain directory keeps a single activation of each key in the cluster, so a
/// registration is a compare-and-set in one turn and two nodes that create the same name at once cannot both win.
/// </summary>
internal interface IActorNameGrain : IGrainWithStringKey
{
    /// <summary>Takes the name for <paramref name="record"/> if it is free; returns the actor that holds it (the given one when it was free).</summary>
    Task<ActorRecord> Register(ActorRecord record);

    /// <summary>The actor moved to another node (a restart after its node died): the name follows it, unless another actor took it meanwhile.</summary>
    Task Move(ActorRecord record);

    /// <summary>The actor holding the name, or null.</summary>
    Task<ActorRecord?> Lookup();

    /// <summary>Frees the name if the actor <paramref name="actorOwner"/>/<paramref name="actorSequence"/> still holds it (it died).</summary>
    Task Unregister(ulong actorOwner, ulong actorSequence);
}
