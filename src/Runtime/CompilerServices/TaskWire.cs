using System.ComponentModel;
using RaySharp.Actors;
using RaySharp.Wire;

namespace RaySharp.CompilerServices;

/// <summary>
/// How the calls of one remote function travel between nodes as bytes: its arguments and its result, each written and
/// read by the MessagePack formatter of its type (the generated resolvers, no reflection). Generated code sets
/// <see cref="RemoteFunction.Wire"/> to one of these for every task that may run on another node. For generated code
/// and the low-level API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TaskWire
{
    private TaskWire(ArgsCodec args, ResultCodec result, ActorHandleType? actor = null)
    {
        Args = args;
        Result = result;
        Actor = actor;
    }

    internal ArgsCodec Args { get; }

    internal ResultCodec Result { get; }

    /// <summary>For an actor's constructor: the handle type the node that hosts the actor makes; null for a task or a method.</summary>
    internal ActorHandleType? Actor { get; }

    /// <summary>The wire form of a function without parameters that returns <typeparamref name="TResult"/>.</summary>
    /// <typeparam name="TResult">The type the result ref holds (<see cref="Unit"/> for none).</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire Of<TResult>() => new(ArgsCodec.None, ResultCodec<TResult>.Instance);

    /// <summary>The wire form of a function of one parameter that returns <typeparamref name="TResult"/>.</summary>
    /// <typeparam name="TResult">The type the result ref holds (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire Of<TResult, T1>() => new(ArgsCodec<T1>.Instance, ResultCodec<TResult>.Instance);

    /// <summary>The wire form of a function of two parameters that returns <typeparamref name="TResult"/>.</summary>
    /// <typeparam name="TResult">The type the result ref holds (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <typeparam name="T2">The second parameter's type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire Of<TResult, T1, T2>() => new(ArgsCodec<T1, T2>.Instance, ResultCodec<TResult>.Instance);

    /// <summary>The wire form of a function of three parameters that returns <typeparamref name="TResult"/>.</summary>
    /// <typeparam name="TResult">The type the result ref holds (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <typeparam name="T2">The second parameter's type.</typeparam>
    /// <typeparam name="T3">The third parameter's type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire Of<TResult, T1, T2, T3>() => new(ArgsCodec<T1, T2, T3>.Instance, ResultCodec<TResult>.Instance);

    /// <summary>The wire form of an actor constructor without parameters, so the actor can be created on another node.</summary>
    /// <typeparam name="THandle">The actor's generated handle type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire OfActor<THandle>()
        where THandle : ActorHandle, IActorHandle<THandle> => new(ArgsCodec.None, ResultCodec<Unit>.Instance, ActorHandleType.Of<THandle>());

    /// <summary>The wire form of an actor constructor of one parameter.</summary>
    /// <typeparam name="THandle">The actor's generated handle type.</typeparam>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire OfActor<THandle, T1>()
        where THandle : ActorHandle, IActorHandle<THandle> => new(ArgsCodec<T1>.Instance, ResultCodec<Unit>.Instance, ActorHandleType.Of<THandle>());

    /// <summary>The wire form of an actor constructor of two parameters.</summary>
    /// <typeparam name="THandle">The actor's generated handle type.</typeparam>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <typeparam name="T2">The second parameter's type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire OfActor<THandle, T1, T2>()
        where THandle : ActorHandle, IActorHandle<THandle> => new(ArgsCodec<T1, T2>.Instance, ResultCodec<Unit>.Instance, ActorHandleType.Of<THandle>());

    /// <summary>The wire form of an actor constructor of three parameters.</summary>
    /// <typeparam name="THandle">The actor's generated handle type.</typeparam>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <typeparam name="T2">The second parameter's type.</typeparam>
    /// <typeparam name="T3">The third parameter's type.</typeparam>
    /// <returns>The wire form.</returns>
    public static TaskWire OfActor<THandle, T1, T2, T3>()
        where THandle : ActorHandle, IActorHandle<THandle> => new(ArgsCodec<T1, T2, T3>.Instance, ResultCodec<Unit>.Instance, ActorHandleType.Of<THandle>());
}
