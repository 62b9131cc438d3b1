using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>A named actor as the name directory keeps it: its id, the node hosting it and its class.</summary>
[GenerateSerializer, Immutable]
internal sealed class ActorRecord
{
    public ActorRecord(ulong actorOwner, ulong actorSequence, string nodeId, string handleType, string className)
    {
        ActorOwner = actorOwner;
        ActorSequence = actorSequence;
        NodeId = nodeId;
        HandleType = handleType;
        ClassName = className;
    }

    [Id(0)]
    public ulong ActorOwner { get; }

    [Id(1)]
    public ulong ActorSequence { get; }

    /// <summary>The node hosting the actor.</summary>
    [Id(2)]
    public string NodeId { get; }

    /// <summary>The full name of the generated handle type, so a lookup checks the class as a runtime of its own does.</summary>
    [Id(3)]
    public string HandleType { get; }

    [Id(4)]
    public string ClassName { get; }

    public ActorId ActorId => new(ActorOwner, ActorSequence);
}
