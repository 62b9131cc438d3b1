using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// Where a restartable actor lives, as its creator records it in the actor directory (<see cref="IActorDirectoryGrain"/>):
/// its node, which restart this is there, and what a caller on another node needs to follow it.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class ActorLocation
{
    public ActorLocation(string nodeId, int incarnation, string creator, int maxTaskRetries, bool dead)
    {
        NodeId = nodeId;
        Incarnation = incarnation;
        Creator = creator;
        MaxTaskRetries = maxTaskRetries;
        Dead = dead;
    }

    /// <summary>The node hosting the actor.</summary>
    [Id(0)]
    public string NodeId { get; }

    /// <summary>0 where it was created, one more for each restart on another node.</summary>
    [Id(1)]
    public int Incarnation { get; }

    /// <summary>The node that created it: the only one that restarts it, so when it is gone too, the actor is not followed.</summary>
    [Id(2)]
    public string Creator { get; }

    /// <summary>The actor's <c>MaxTaskRetries</c>: how often a call lost with its node is sent again after a restart (-1 for ever).</summary>
    [Id(3)]
    public int MaxTaskRetries { get; }

    /// <summary>True once its creator gave it up (no restart left, or no node for it): it is dead for good.</summary>
    [Id(4)]
    public bool Dead { get; }
}
