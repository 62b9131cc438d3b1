using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using RaySharp.Actors;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Objects.Semantics;
using RaySharp.Objects.Store;
using RaySharp.Observability;
using RaySharp.Scheduling;

namespace RaySharp.Backend;

/// <summary>The in-process backend: tasks run on this process's thread pool under a resource-aware scheduler.</summary>
internal sealed partial class LocalBackend : IRayBackend
{
    private readonly ulong _owner = (ulong)Random.Shared.NextInt64();
    /// <summary>The last object id's sequence; padded, because submitters write it while workers read the fields beside it.</summary>
    private PaddedCounter _sequence;
    private volatile bool _disposed;

    public LocalBackend(RayRuntime runtime, ResourceRequest capacity)
    {
        Runtime = runtime;
        NodeId = _owner.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        Events = runtime.Options.EnableTaskEvents ? new TaskEventLog(runtime.Options.PreciseTaskTimes) : null;
        Scheduler = new Scheduler(new ResourcePool(capacity), Budget);
        Store = new ObjectStore(_owner, runtime.ObjectStoreMemory, runtime.Options.SpillingMaxBytes(), runtime.Options.InlineBytes(), runtime.Options.SpillParent())
        {
            Log = runtime.Log.ObjectStore,
        };
    }

    public RayRuntime Runtime { get; }

    /// <summary>The node id tasks see in their runtime context: this runtime's own, unless a cluster node names it.</summary>
    public string NodeId { get; init; }

    public Scheduler Scheduler { get; }

    /// <summary>Keeps this backend's blocked tasks from starving the thread pool.</summary>
    public ThreadBudget Budget { get; } = new();

    /// <summary>The tasks threads run for this backend, so shutdown finds them.</summary>
    public RunningTasks Running { get; } = new();

    public LiveTaskSet Live { get; } = new();

    /// <summary>Sizes, lifetimes and spilling of what this backend stores.</summary>
    public ObjectStore Store { get; }

    private readonly Dictionary<ActorId, LocalActor> _actors = [];
    /// <summary>Named actors by (namespace, name); the runtime's anonymous namespace is the empty string.</summary>
    private readonly Dictionary<(string Namespace, string Name), LocalActor> _named = [];

    public ObjectRef<T> Put<T>(T value)
    {
        ThrowIfDisposed();
        var entry = ObjectEntry<T>.Ready(NextObjectId(), value);
        Store.AdmitPut(entry);
        return entry;
    }

    public ObjectRef<ReadOnlyMemory<T>> PutOwned<T>(T[] array)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        ThrowIfDisposed();
        var entry = ObjectEntry<ReadOnlyMemory<T>>.Ready(NextObjectId(), ReadOnlyBufferPolicy<T>.Instance.Adopt(array));
        Store.AdmitPut(entry);
        return entry;
    }

    public void Submit(TaskSpec spec, TaskOutputs outputs, IActorEndpoint? actor)
    {
        // This backend binds handles only to its own actors (TryBind, Bind), so every endpoint it sees is local.
        var local = (LocalActor?)actor;
        local?.CheckGroup(spec);
        Start(spec, outputs.Result, outputs.Extra, local);
    }

    public THandle CreateActor<THandle>(RemoteFunction constructor, TaskArgs args, ActorOptions options)
        where THandle : ActorHandle, IActorHandle<THandle> =>
        (THandle)CreateActor(constructor, args, options, ActorHandleType.Of<THandle>(), null);

    /// <summary>
    /// Creates an actor whose handle type is known at run time, as a node does for a constructor spec another node sent;
    /// with <paramref name="id"/>, the actor takes that id (the creating node chose it and already handed out handles).
    /// </summary>
    internal ActorHandle CreateActor(RemoteFunction constructor, TaskArgs args, ActorOptions options, ActorHandleType handleType, ActorId? id)
    {
        ArgumentNullException.ThrowIfNull(constructor);
        ArgumentNullException.ThrowIfNull(args);
        ThrowIfDisposed();
        CheckActorOptions(options);
        var creationOptions = new TaskOptions { NumCpus = options.NumCpus ?? 0, NumGpus = options.NumGpus, Memory = options.Memory, Resources = options.Resources, MaxRetries = 0 }
            .Resolve(constructor.DefaultOptions);
        var actorId = id ?? NewActorId();
        LocalActor actor;
        lock (_actors)
        {
            (string Namespace, string Name) key = options.Name is { } name ? (NamespaceOf(options.Namespace, nameof(options)), name) : default;
            if (options.Name is not null && _named.TryGetValue(key, out var existing))
            {
                return options.GetIfExists == true
                    ? Bind(handleType, CheckClass(existing, key, handleType.Type))
                    : throw new ArgumentException(
                        $"An actor named '{key.Name}' already exists in {Describe(key.Namespace)} ({existing.ClassName}, {existing.Id}). Pick another name "
                        + "or namespace, get it with Ray.GetActor, or set GetIfExists = true.", nameof(options));
            }

            actor = new LocalActor(this, actorId, ClassNameOf(constructor.Name), handleType.Type, new TaskSpec(constructor, args), creationOptions, options)
            {
                HandleFactory = handleType.FromId,
            };
            _actors.Add(actor.Id, actor);
            if (options.Name is not null)
            {
                _named.Add(key, actor);
            }
        }

        var handle = Bind(handleType, actor);
        if (!actor.IsDetached && BlockingScope.Current is LocalTask { TargetActor: { } owner } creator && creator.Backend == this)
        {
            owner.Adopt(actor);
        }

        StartActor(actor);
        return handle;
    }

    /// <summary>A fresh actor id, from this backend's id space.</summary>
    internal ActorId NewActorId()
    {
        var id = NextObjectId();
        return new ActorId(id.Owner, id.Sequence);
    }

    /// <summary>Checks the options every actor creation checks, wherever the actor will run.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or GetIfExists is set without a Name.</exception>
    internal static void CheckActorOptions(ActorOptions options)
    {
        if (options.MaxConcurrency is < 1)
        {
            throw new ArgumentException($"ActorOptions.MaxConcurrency must be at least 1, not {options.MaxConcurrency}.", nameof(options));
        }

        if (options.GetIfExists == true && options.Name is null)
        {
            throw new ArgumentException("ActorOptions.GetIfExists needs a Name: only a named actor can be looked up. Set ActorOptions.Name too.", nameof(options));
        }

        if (options.MaxRestarts is < -1 || options.MaxTaskRetries is < -1)
        {
            throw new ArgumentException("ActorOptions.MaxRestarts and MaxTaskRetries must be -1 (forever) or at least 0.", nameof(options));
        }

        if (options.Namespace is { Length: 0 })
        {
            throw new ArgumentException("ActorOptions.Namespace must not be empty; use null for the runtime's namespace (RayOptions.Namespace).", nameof(options));
        }
    }

    /// <summary>Runs an actor's constructor, for its first life or a restart.</summary>
    public void StartActor(LocalActor actor)
    {
        var creation = actor.StartIncarnation();
        Accept(creation, creation.Options);
    }

    /// <summary>A dead actor leaves the registry, and its name is free again.</summary>
    public void Forget(LocalActor actor)
    {
        RememberDead(actor);
        ActorForgotten?.Invoke(actor);
        lock (_actors)
        {
            _actors.Remove(actor.Id);
            if (actor.Name is not null)
            {
                foreach (var pair in _named)
                {
                    if (pair.Value == actor)
                    {
                        _named.Remove(pair.Key);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Called when a dead actor leaves the registry (a cluster node frees its name cluster-wide).</summary>
    internal Action<LocalActor>? ActorForgotten { get; set; }

    /// <summary>Null: in a runtime of its own a handle is its actor id alone.</summary>
    public string? NodeOf(ActorHandle handle) => null;

    /// <summary>Binds <paramref name="handle"/> to its actor here; <paramref name="node"/> is not used (every actor of this backend is here).</summary>
    public bool TryBind(ActorHandle handle, string? node)
    {
        LocalActor? actor;
        lock (_actors)
        {
            _actors.TryGetValue(handle.Id, out actor);
        }

        if (actor is null || handle.Endpoint is not null)
        {
            return false;
        }

        handle.Bind(actor);
        return true;
    }

    public THandle GetActor<THandle>(string name, string? @namespace)
        where THandle : ActorHandle, IActorHandle<THandle>
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var key = (NamespaceOf(@namespace, nameof(@namespace)), name);
        LocalActor? actor;
        lock (_actors)
        {
            _named.TryGetValue(key, out actor);
        }

        if (actor is null)
        {
            throw new ArgumentException(
                $"No actor named '{name}' exists in {Describe(key.Item1)}. Create it with ActorOptions.Name = \"{name}\" "
                + "(and the same Namespace) first, or look in the namespace it was created in.", nameof(name));
        }

        return (THandle)Bind(ActorHandleType.Of<THandle>(), CheckClass(actor, key, typeof(THandle)));
    }

    /// <summary>The namespace a name lives in: the given one, else the runtime's, else its anonymous one ("").</summary>
    internal string NamespaceOf(string? @namespace, string parameter)
    {
        var resolved = @namespace ?? Runtime.Options.Namespace;
        if (resolved is { Length: 0 })
        {
            throw new ArgumentException("A namespace must not be empty; use null for the runtime's namespace (RayOptions.Namespace).", parameter);
        }

        return resolved ?? string.Empty;
    }

    internal static string Describe(string @namespace) =>
        @namespace.Length == 0 ? "this runtime's anonymous namespace" : $"namespace '{@namespace}'";

    private static LocalActor CheckClass(LocalActor actor, (string Namespace, string Name) key, Type handleType) =>
        actor.HandleType == handleType
            ? actor
            : throw new ArgumentException($"The actor named '{key.Name}' in {Describe(key.Namespace)} is a {actor.ClassName}; its handle type is {actor.HandleType.Name}, not {handleType.Name}.", "name");

    public void Cancel(ObjectRef reference, bool force, bool recursive) => reference.Producer?.Cancel(force, recursive);

    public IReadOnlyDictionary<string, double> TotalResources() => Scheduler.Pool.Capacity.ToDictionary();

    public IReadOnlyDictionary<string, double> AvailableResources() => Scheduler.Pool.Available();

    public RuntimeContext? CurrentContext() =>
        BlockingScope.Current is LocalTask task && task.Backend == this
            ? new RuntimeContext(NodeId, task.Id, task.Name, task.TargetActor, task.TargetActor?.HeldResources() ?? task.Request.ToAssignedDictionary(),
                task.TargetActor?.GpuIds ?? task.UsableGpuIds(), task.IsCancelRequested, task.CancellationToken)
            : null;

    public void ShareObject(ObjectRef reference) => Store.Share(reference);

    public ObjectRef? FindObject(ObjectId id) => Store.Find(id);

    public IReadOnlyList<ObjectInfo> ObjectsInStore() => WithHolders(Store.Objects());

    public ObjectStoreMemoryInfo StoreMemory() => Store.Memory();

    /// <summary>Refuses new work and fails every pending ref with <see cref="RuntimeShutdownException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var pending = Live.Close();
        pending.AddRange(Scheduler.Close());
        List<LocalActor> actors;
        lock (_actors)
        {
            actors = [.. _actors.Values];
        }

        foreach (var actor in actors)
        {
            actor.Die("the runtime shut down", null);
        }

        var error = ShutdownError(null);
        foreach (var task in pending)
        {
            task.Abort(error);
        }

        Running.AbortAll(this, error);
        Budget.Dispose();
        Store.Dispose();
    }

    private void Start(TaskSpec spec, ObjectRef result, ExtraOutputs? extra, LocalActor? actor)
    {
        if (spec.IsEmpty)
        {
            throw new ArgumentException("The task spec is empty (default(TaskSpec)); create it with new TaskSpec(function, args).", nameof(spec));
        }

        ThrowIfDisposed();
        var options = spec.ResolveOptions();
        if (actor is null && options.ConcurrencyGroup is not null)
        {
            ThrowGroupOnTask(spec, options.ConcurrencyGroup);
        }

        var isolated = actor is { RetriesCallsOnRestart: true };
        var task = actor is not null && extra is null && !isolated
            ? new LocalTask(this, spec, options, result, actor)
            : new LocalTask(this, spec, options, result, extra is null && !isolated ? null : new TaskExtras
            {
                Actor = actor,
                Role = actor is null ? LocalTask.TaskRole.Task : LocalTask.TaskRole.ActorCall,
                Outputs = extra,
                Staging = isolated ? LocalTask.NewStagingSlots(extra) : null,
            });
        foreach (var entry in extra?.Entries ?? [])
        {
            entry.Producer = task;
        }

        Accept(task, options);
    }

    /// <summary>
    /// Tracks a new task and starts it: an actor call goes to its mailbox; a task waits for its dependencies, then the
    /// scheduler. Only an actor's constructor and a task with ref arguments enter <see cref="Live"/>: shutdown finds a
    /// plain task in the scheduler's queues or in <see cref="Running"/>, and an actor call in its dying actor, so
    /// the submitter and the worker that finishes the task share no slot of the live set (at a million tasks a second,
    /// those shared cache lines cost more than the rest of a submit).
    /// </summary>
    private void Accept(LocalTask task, ResolvedOptions options)
    {
        task.Result.Producer = task;
        var needsLive = task.Role switch
        {
            LocalTask.TaskRole.ActorCall => false,
            LocalTask.TaskRole.ActorCreation => true,
            _ => task.Spec.Args.DependencyCount > 0,
        };
        if (needsLive ? !Live.TryAdd(task) : _disposed)
        {
            task.Result.TryFail(ShutdownError(task.Name));
            return;
        }

        var parent = BlockingScope.Current is LocalTask current && current.Backend == this ? current : null;
        parent?.AddChild(task);
        task.OnSubmitted(parent);

        if (task.TargetActor is { } actor && task.IsActorCall)
        {
            actor.Enqueue(task, parent);
        }
        else if (Scheduler.Pool.CanEverFit(options.Request))
        {
            task.Start();
        }
        else
        {
            task.FailUnschedulable(Scheduler.Pool.Capacity.ToString());
        }
    }

    private static ActorHandle Bind(ActorHandleType handleType, LocalActor actor)
    {
        var handle = handleType.FromId(actor.Id);
        handle.Bind(actor);
        return handle;
    }

    /// <summary>"Namespace.Counter..ctor" or "Namespace.Counter.New" → "Counter".</summary>
    internal static string ClassNameOf(string constructorName)
    {
        var parts = constructorName.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[^2] : constructorName;
    }

    /// <summary>True once <see cref="Dispose"/> started: no task starts running after that.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The error of a ref that shutdown fails; with <paramref name="taskName"/>, of a task submitted after it.</summary>
    public static ExceptionDispatchInfo ShutdownError(string? taskName) =>
        ExceptionDispatchInfo.Capture(new RuntimeShutdownException(taskName is null
            ? "The RaySharp runtime shut down before this object was ready. Keep the runtime alive until every Get has returned."
            : $"Task '{taskName}' was submitted to a RaySharp runtime that is shut down. Call Ray.Init() (or create a new RayRuntime) first."));

    private static void ThrowGroupOnTask(TaskSpec spec, string group) =>
        throw new ArgumentException(
            $"Task '{spec.Function.Name}' names concurrency group '{group}', but only actor calls run in concurrency groups. Remove ConcurrencyGroup from its options.",
            nameof(spec));

    public ObjectId NextObjectId() => new(_owner, (ulong)Interlocked.Increment(ref _sequence.Value));

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new RuntimeShutdownException("This RaySharp runtime is shut down. Call Ray.Init() (or create a new RayRuntime) to start another.");
        }
    }
}
