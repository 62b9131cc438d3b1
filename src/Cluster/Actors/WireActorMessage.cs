using Orleans;
using RaySharp.Cluster.Cancellation;
using RaySharp.Cluster.Transport;

namespace RaySharp.Cluster.Actors;

/// <summary>What a message to an actor's node asks for.</summary>
internal enum ActorMessageKind
{
    /// <summary>Run a method call (<see cref="WireActorMessage.Spec"/>); its result comes back under <see cref="WireActorMessage.Key"/>.</summary>
    Call,

    /// <summary>Create the actor from its constructor spec and <see cref="WireActorMessage.Options"/>.</summary>
    Create,

    /// <summary>Kill the actor for good (Ray's <c>ray.kill</c>).</summary>
    Kill,

    /// <summary>Kill the actor and let it restart while its <c>MaxRestarts</c> allows.</summary>
    KillAndRestart,

    /// <summary>The sending node holds a handle to the actor now (it had none): the actor stays alive for it.</summary>
    AddHolder,

    /// <summary>The sending node's last handle to the actor was collected, after the calls it sent.</summary>
    ReleaseHolder,

    /// <summary>Cancel the call sent under <see cref="WireActorMessage.Key"/> (Ray's <c>ray.cancel</c>), as <see cref="WireActorMessage.CancelMode"/> says.</summary>
    Cancel,
}

/// <summary>
/// One message to the node that hosts an actor: a call, its creation, a kill, or a change in whether the sender holds a handle. Messages from one node travel in one
/// outbox, in the order they were posted, so a creation arrives before the calls behind it and a kill after them.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class WireActorMessage
{
    public WireActorMessage(ActorMessageKind kind, long key, ulong actorOwner, ulong actorSequence, byte[]? spec, string? concurrencyGroup, WireActorOptions? options, WireError? failure)
    {
        Kind = kind;
        Key = key;
        ActorOwner = actorOwner;
        ActorSequence = actorSequence;
        Spec = spec;
        ConcurrencyGroup = concurrencyGroup;
        Options = options;
        Failure = failure;
    }

    [Id(0)]
    public ActorMessageKind Kind { get; }

    /// <summary>The sender's key for a call (negative, apart from task keys); its result comes back under it.</summary>
    [Id(1)]
    public long Key { get; }

    [Id(2)]
    public ulong ActorOwner { get; }

    [Id(3)]
    public ulong ActorSequence { get; }

    /// <summary>The call's or the constructor's spec, as <c>RaySharp.Wire.TaskSpecWire</c> writes it; null for a kill or a failed creation.</summary>
    [Id(4)]
    public byte[]? Spec { get; }

    /// <summary>A call's per-call concurrency group (the spec's wire form leaves it out).</summary>
    [Id(5)]
    public string? ConcurrencyGroup { get; }

    /// <summary>A creation's actor options.</summary>
    [Id(6)]
    public WireActorOptions? Options { get; }

    /// <summary>Set on a creation whose constructor argument failed on the sender: the actor is dead from the start.</summary>
    [Id(7)]
    public WireError? Failure { get; }

    /// <summary>For a <see cref="ActorMessageKind.Cancel"/>: its <c>force</c> and <c>recursive</c>.</summary>
    [Id(8)]
    public CancelMode CancelMode { get; init; }

    public ActorId ActorId => new(ActorOwner, ActorSequence);

    /// <summary>Cancels the call this node sent under <paramref name="key"/> to <paramref name="actor"/>.</summary>
    public static WireActorMessage CancelOf(ActorId actor, long key, CancelMode mode) =>
        new(ActorMessageKind.Cancel, key, actor.Owner, actor.Sequence, null, null, null, null) { CancelMode = mode };
}
