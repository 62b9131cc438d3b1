using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace RaySharp.CompilerServices;

/// <summary>
/// The static description of one remote function: its stable id, its name, whether it is async, and its
/// default options. Generated code creates one per <c>[RayRemote]</c> method. For generated code and the low-level API.
/// </summary>
/// <remarks>
/// A task spec carries only <see cref="Id"/> across a process; the receiving side finds the function with
/// <see cref="TryFind"/>. Creating a function registers it, and two functions may not share an id. Generated code
/// creates every function of an assembly when the assembly loads (a module initializer), so a node finds the functions
/// of its application before any spec arrives; <see cref="Wire"/> says how the function's calls travel as bytes.
/// </remarks>
[DebuggerDisplay("{Name,nq} ({Id})")]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RemoteFunction
{
    private static readonly ConcurrentDictionary<ulong, RemoteFunction> s_byId = new();

    /// <summary>Describes and registers a remote function.</summary>
    /// <param name="id">A stable id: generated code uses a hash of the signature.</param>
    /// <param name="name">A readable name, such as <c>Namespace.Type.Method</c>; it appears in errors.</param>
    /// <param name="invoker">The invoker whose switch has a case for <paramref name="id"/>.</param>
    /// <param name="isAsync">True when the function returns <c>Task</c> or <c>ValueTask</c>.</param>
    /// <param name="defaultOptions">Options from the declaration; per-call options override them.</param>
    /// <exception cref="InvalidOperationException">Another function already uses <paramref name="id"/>.</exception>
    public RemoteFunction(ulong id, string name, IRemoteInvoker invoker, bool isAsync = false, TaskOptions? defaultOptions = null)
        : this(id, name, invoker, isAsync, defaultOptions, register: true)
    {
    }

    private RemoteFunction(ulong id, string name, IRemoteInvoker invoker, bool isAsync, TaskOptions? defaultOptions, bool register)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(invoker);
        Id = id;
        Name = name;
        Invoker = invoker;
        IsAsync = isAsync;
        DefaultOptions = defaultOptions ?? TaskOptions.Default;
        if (!register)
        {
            return;
        }

        var registered = s_byId.GetOrAdd(id, this);
        if (!ReferenceEquals(registered, this))
        {
            throw new InvalidOperationException(
                $"Remote function id {id:x16} is used by both '{registered.Name}' and '{name}'. Every remote function needs its own id.");
        }
    }

    /// <summary>The stable id that names this function in every process.</summary>
    public ulong Id { get; }

    /// <summary>The readable name used in errors and traces.</summary>
    public string Name { get; }

    /// <summary>True when the function returns <c>Task</c> or <c>ValueTask</c>.</summary>
    public bool IsAsync { get; }

    /// <summary>The options from the declaration.</summary>
    public TaskOptions DefaultOptions { get; }

    /// <summary>
    /// How the function's calls travel between nodes as bytes, or null when they run only on the node that submits them
    /// (actor methods, several results, streams, more than three parameters or <c>params</c> today).
    /// </summary>
    public TaskWire? Wire { get; init; }

    internal IRemoteInvoker Invoker { get; }

    /// <summary>A function that is not in the registry, as one of a build another process runs: for tests of unknown ids.</summary>
    internal static RemoteFunction Unregistered(ulong id, string name, IRemoteInvoker invoker, TaskWire wire) =>
        new(id, name, invoker, false, null, register: false) { Wire = wire };

    /// <summary>Finds a registered function by id, as a receiving process does for an incoming spec.</summary>
    public static bool TryFind(ulong id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RemoteFunction? function) =>
        s_byId.TryGetValue(id, out function);

    /// <inheritdoc />
    public override string ToString() => Name;
}
