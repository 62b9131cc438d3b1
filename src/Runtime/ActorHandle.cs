using System;
using System.ComponentModel;
using System.Diagnostics;
using RaySharp.Actors;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp;

/// <summary>
/// A reference to a running actor. The generated handle type of each <c>[RayRemote]</c> class derives from it and
/// adds one stub per public method. Handles are plain data (the actor id): pass them to tasks and other actors.
/// Two handles are equal when they name the same actor.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public abstract class ActorHandle : IEquatable<ActorHandle>
{
    /// <summary>Creates a handle for the actor <paramref name="id"/>. For generated code.</summary>
    protected ActorHandle(ActorId id) => Id = id;

    /// <summary>The actor's id.</summary>
    public ActorId Id { get; }

    internal IActorEndpoint? Endpoint { get; private set; }

    /// <summary>Binds a fresh handle to its actor, which counts it until it is collected.</summary>
    internal void Bind(IActorEndpoint endpoint)
    {
        Endpoint = endpoint;
        endpoint.HandleCreated();
    }

    /// <summary>Tells the actor one handle fewer is alive: an unnamed actor with no handles ends once its mailbox is empty.</summary>
    ~ActorHandle() => Endpoint?.HandleCollected();

    /// <summary>Queues a method call on the actor and returns the ref of its result at once. For generated code.</summary>
    /// <exception cref="InvalidOperationException">The handle is not bound to a running actor.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ObjectRef<T> Call<T>(TaskSpec spec)
    {
        var actor = Bound();
        return Submitter.One<T>(actor.Backend, spec, actor);
    }

    /// <summary>Queues a call of a method declared with <c>NumReturns = 2</c>. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected (ObjectRef<T1>, ObjectRef<T2>) Call<T1, T2>(TaskSpec spec)
    {
        var actor = Bound();
        return Submitter.Two<T1, T2>(actor.Backend, spec, actor);
    }

    /// <summary>Queues a call of a method declared with <c>NumReturns = 3</c>. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Call<T1, T2, T3>(TaskSpec spec)
    {
        var actor = Bound();
        return Submitter.Three<T1, T2, T3>(actor.Backend, spec, actor);
    }

    /// <summary>Queues a call of a streaming method. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ObjectRefGenerator<T> CallStreaming<T>(TaskSpec spec)
    {
        var actor = Bound();
        return Submitter.Stream<T>(actor.Backend, spec, actor);
    }

    /// <inheritdoc />
    public bool Equals(ActorHandle? other) => other is not null && other.Id == Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorHandle other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();

    /// <summary>The actor's class and id, for example <c>Actor(Counter, …)</c>.</summary>
    public override string ToString() => $"Actor({Endpoint?.ClassName ?? "?"}, {Id})";

    /// <summary>Kills the actor; see <see cref="Ray.Kill"/>.</summary>
    internal void Kill(bool noRestart) => Bound().Kill(noRestart);

    private IActorEndpoint Bound() =>
        Endpoint ?? throw new InvalidOperationException(
            $"The handle for actor {Id} is not bound to a runtime. Get handles from the generated Remote.New(...) or from Ray.GetActor<THandle>(name).");
}

/// <summary>Lets the runtime make a typed handle from an actor id without reflection. Generated handle types implement it.</summary>
/// <typeparam name="TSelf">The handle type itself.</typeparam>
public interface IActorHandle<TSelf>
    where TSelf : ActorHandle, IActorHandle<TSelf>
{
    /// <summary>Makes a handle for the actor <paramref name="id"/>.</summary>
    static abstract TSelf FromId(ActorId id);
}
