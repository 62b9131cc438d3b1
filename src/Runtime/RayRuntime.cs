using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Objects.Semantics;
using RaySharp.Observability;
using RaySharp.Observability.Logging;
using RaySharp.Scheduling;
using RaySharp.Serialization;

namespace RaySharp;

/// <summary>
/// One RaySharp runtime: a scheduler over a set of resources, and the objects its tasks produce.
/// <see cref="Ray.Init"/> starts the ambient one; create instances directly to run several side by side.
/// </summary>
/// <remarks>
/// Remote calls go to <see cref="Current"/>: the runtime of the task the caller runs in, else the one made current
/// with <see cref="MakeCurrent"/>, else the one from <see cref="Ray.Init"/>.
/// Disposing fails every pending ref with <see cref="RuntimeShutdownException"/>; nothing is left waiting.
/// </remarks>
public sealed class RayRuntime : IDisposable
{
    private static readonly AsyncLocal<RayRuntime?> s_scoped = new();
    private readonly IRayBackend _backend;
    private readonly RuntimeMetrics _metrics;

    /// <summary>Starts a runtime.</summary>
    /// <param name="options">Resources and settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public RayRuntime(RayOptions? options = null)
        : this(options, Backends.Create)
    {
    }

    /// <summary>Starts a runtime on the backend <paramref name="backend"/> makes for it (a cluster node's).</summary>
    internal RayRuntime(RayOptions? options, Func<RayRuntime, IRayBackend> backend)
    {
        Options = options ?? new RayOptions();
        if (Options.Namespace is { Length: 0 })
        {
            throw new ArgumentException("RayOptions.Namespace must not be empty; use null for this runtime's own anonymous namespace.", nameof(options));
        }

        ObjectStoreMemory = Options.ObjectStoreBytes();
        Log = new RuntimeLog(Options.LoggerFactory);
        Serializer = new RuntimeSerializer(this, Options.FormatterResolvers ?? throw new ArgumentException("RayOptions.FormatterResolvers must not be null; leave it empty for none.", nameof(options)));
        _backend = backend(this);
        State = new RuntimeState(_backend);
        _metrics = new RuntimeMetrics(_backend);
    }

    /// <summary>The options the runtime started with.</summary>
    public RayOptions Options { get; }

    /// <summary>The object store's memory cap in bytes.</summary>
    public long ObjectStoreMemory { get; }

    /// <summary>What this runtime runs and holds: nodes, tasks, actors, objects (Ray's state API).</summary>
    public RuntimeState State { get; }

    /// <summary>True once the runtime is disposed.</summary>
    public bool IsShutDown { get; private set; }

    /// <summary>The runtime that remote calls from here go to.</summary>
    /// <exception cref="InvalidOperationException">No runtime is running: call <see cref="Ray.Init"/> first.</exception>
    public static RayRuntime Current =>
        CurrentOrNull
        ?? throw new InvalidOperationException(
            "RaySharp is not initialized. Call Ray.Init() before making remote calls, or create a RayRuntime and call MakeCurrent().");

    /// <summary>The runtime remote calls from here go to, or null when none runs.</summary>
    internal static RayRuntime? CurrentOrNull =>
        BlockingScope.Current?.Runtime
        ?? s_scoped.Value
        ?? Ray.Ambient;

    internal IRayBackend Backend => _backend;

    /// <summary>This runtime's loggers (<see cref="RayOptions.LoggerFactory"/>).</summary>
    internal RuntimeLog Log { get; }

    /// <summary>This runtime's serialization options (its own resolvers, refs read back here).</summary>
    internal RuntimeSerializer Serializer { get; }

    /// <summary>Makes this runtime the target of remote calls from the calling code (and what it awaits) until the scope is disposed.</summary>
    public IDisposable MakeCurrent()
    {
        var previous = s_scoped.Value;
        s_scoped.Value = this;
        return new Scope(previous);
    }

    /// <summary>Stores <paramref name="value"/> and returns a ref that is ready at once (Ray's <c>ray.put</c>).</summary>
    /// <remarks>Mutable values are snapshotted, immutable ones kept by reference; see <see cref="CompilerServices.ObjectSemantics"/>.</remarks>
    /// <exception cref="NotSupportedException">The type is mutable and no MessagePack formatter is known for it.</exception>
    public ObjectRef<T> Put<T>(T value)
    {
        if (typeof(T).IsPrimitive || StorePolicy<T>.Current.Mode != ObjectCopyMode.Serialize)
        {
            return _backend.Put(value); // nothing is serialized: no serializer to choose
        }

        using var serializing = Serializer.Enter();
        return _backend.Put(value);
    }

    /// <summary>
    /// Stores <paramref name="array"/> as a read-only buffer with no copy at all: the store takes ownership. Every
    /// <c>Get</c> returns a <see cref="ReadOnlyMemory{T}"/> over this same array, in O(1) whatever its size.
    /// </summary>
    /// <remarks>The caller must not write to the array again, through any alias: readers would see the change.
    /// To keep using the array, call <see cref="Put{T}"/> with a <see cref="ReadOnlyMemory{T}"/> instead (one copy).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is null.</exception>
    public ObjectRef<ReadOnlyMemory<T>> PutOwned<T>(T[] array)
        where T : unmanaged => _backend.PutOwned(array);

    /// <summary>Submits a task and returns the ref of its result at once. For generated code and the low-level API.</summary>
    /// <exception cref="ArgumentException">The spec's options are out of range.</exception>
    /// <exception cref="RuntimeShutdownException">The runtime is shut down.</exception>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public ObjectRef<T> Submit<T>(TaskSpec spec) => Submitter.One<T>(_backend, spec, null);

    /// <summary>Submits a task declared with <c>NumReturns = 2</c>: one ref per result. For generated code and the low-level API.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public (ObjectRef<T1>, ObjectRef<T2>) Submit<T1, T2>(TaskSpec spec) => Submitter.Two<T1, T2>(_backend, spec, null);

    /// <summary>Submits a task declared with <c>NumReturns = 3</c>: one ref per result. For generated code and the low-level API.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Submit<T1, T2, T3>(TaskSpec spec) => Submitter.Three<T1, T2, T3>(_backend, spec, null);

    /// <summary>Submits a streaming task: each item it yields becomes its own ref at once. For generated code and the low-level API.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public ObjectRefGenerator<T> SubmitStreaming<T>(TaskSpec spec) => Submitter.Stream<T>(_backend, spec, null);

    /// <summary>Creates an actor: its constructor runs once its resources are free, and the handle is returned at once. For generated code and the low-level API.</summary>
    /// <param name="constructor">The constructor's function; by convention named <c>Namespace.Class.New</c>, so errors can name the class.</param>
    /// <param name="args">The constructor's arguments (values or refs).</param>
    /// <param name="options">Name, resources and concurrency; null for the defaults.</param>
    /// <exception cref="ArgumentException">The name is taken (and <see cref="ActorOptions.GetIfExists"/> is not set) or an option is out of range.</exception>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public THandle CreateActor<THandle>(RemoteFunction constructor, TaskArgs args, ActorOptions? options = null)
        where THandle : ActorHandle, IActorHandle<THandle> =>
        _backend.CreateActor<THandle>(constructor, args, options ?? ActorOptions.Default);

    /// <summary>Finds the actor created with <see cref="ActorOptions.Name"/> = <paramref name="name"/> (Ray's <c>ray.get_actor</c>).</summary>
    /// <param name="name">The actor's name.</param>
    /// <param name="namespace">The namespace to look in; null for <see cref="RayOptions.Namespace"/>.</param>
    /// <exception cref="ArgumentException">No actor has that name in that namespace, or it is of another class.</exception>
    public THandle GetActor<THandle>(string name, string? @namespace = null)
        where THandle : ActorHandle, IActorHandle<THandle> => _backend.GetActor<THandle>(name, @namespace);

    /// <summary>Cancels the task behind <paramref name="reference"/> (Ray's <c>ray.cancel</c>); see <see cref="Ray.Cancel"/>.</summary>
    public void Cancel(ObjectRef reference, bool force = false, bool recursive = true)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _backend.Cancel(reference, force, recursive);
    }

    /// <summary>All resources of the runtime, as Ray's <c>cluster_resources()</c>.</summary>
    public IReadOnlyDictionary<string, double> ClusterResources() => _backend.TotalResources();

    /// <summary>The resources free now, as Ray's <c>available_resources()</c>.</summary>
    public IReadOnlyDictionary<string, double> AvailableResources() => _backend.AvailableResources();

    /// <summary>
    /// Writes this runtime's task timeline to <paramref name="output"/> in the Chrome trace event format (Ray's
    /// <c>ray timeline</c>): a process per node, a row per thread, a slice per task attempt and actor call named after
    /// it, and a flow arrow from each task to the tasks it submitted. Running tasks end at the time of the call.
    /// Empty when <see cref="RayOptions.EnableTaskEvents"/> is false.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public void WriteTimeline(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        TimelineWriter.Write(output, [_backend.TaskHistory()], Stopwatch.GetTimestamp());
    }

    /// <summary>Stops the runtime; every pending ref fails with <see cref="RuntimeShutdownException"/>.</summary>
    public void Dispose()
    {
        IsShutDown = true;
        _metrics.Dispose();
        _backend.Dispose();
        Ray.OnDisposed(this);
    }

    private sealed class Scope(RayRuntime? previous) : IDisposable
    {
        public void Dispose() => s_scoped.Value = previous;
    }
}
