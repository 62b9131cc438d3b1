using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// The actor directory, one grain per restartable actor created on another node than its host (Ray's GCS actor table,
/// one entry per grain), keyed by <see cref="ActorDirectory.Key"/>: written by the actor's creator when it creates it
/// and each time it restarts it on another node, read by the nodes whose handles still name the node that died.
/// </summary>
internal interface IActorDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="location"/> unless a later incarnation (or the actor's death) is recorded already.</summary>
    Task Record(ActorLocation location);

    /// <summary>The latest location recorded, or null (the actor is not restartable, or its record was lost with a silo).</summary>
    Task<ActorLocation?> Lookup();
}
