using System.ComponentModel;
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
    private TaskWire(ArgsCodec args, ResultCodec result)
    {
        Args = args;
        Result = result;
    }

    internal ArgsCodec Args { get; }

    internal ResultCodec Result { get; }

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
}
