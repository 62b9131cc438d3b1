using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// One actor in the in-process backend: its mailbox and its current incarnation. Calls enter the mailbox when their
/// stub returns, so each caller's calls run in the order it submitted them; a call whose ref arguments are pending
/// holds up only its own caller's later calls (<see cref="CallerOrder"/>), as in Ray, and on async and threaded actors
/// nothing. Up to <c>MaxConcurrency</c> calls run at once, drained in batches on a pool thread.
/// Submitting takes no lock: calls join a lock-free queue, and one atomic flag makes sure a single drain runs;
/// only the drain and the rare life-cycle changes (death, restart, collection) take the actor's lock.
/// When the actor dies it restarts (the constructor runs again with the original arguments) while
/// <c>MaxRestarts</c> allows; calls queued meanwhile run on the new instance.
/// An actor with concurrency groups (<see cref="ConcurrencyGroupSet"/>) queues each call in its group instead of the
/// single mailbox, and runs every call on a pool thread so that groups never wait for each other.
/// </summary>
[DebuggerDisplay("Actor {ClassName,nq} {Id} {_state}")]
internal sealed partial class LocalActor : IThreadPoolWorkItem, IActorEndpoint
{
    private const int DrainBatch = 64;

    /// <summary>Calls submitted and not yet moved to <see cref="_mailbox"/>: producers add without a lock.</summary>
    private readonly ConcurrentQueue<LocalTask> _incoming = new();

    /// <summary>Guards the mailbox, the running list, the state and the incarnation.</summary>
    private readonly Lock _sync = new();

    /// <summary>Calls older than every call in <see cref="_incoming"/>, in order; guarded by <see cref="_sync"/>.</summary>
    private readonly CallDeque _mailbox = new();
    private readonly List<LocalTask> _running = [];
    private readonly TaskSpec _constructor;
    private readonly ResolvedOptions _creationOptions;
    private readonly bool _isAsync;
    private readonly int _maxConcurrency;
    private readonly int _maxRestarts;
    private readonly int _maxTaskRetries;
    /// <summary>Null unless the actor declares concurrency groups: then calls queue per group, not in <see cref="_mailbox"/>.</summary>
    private readonly ConcurrencyGroupSet? _groups;
    /// <summary>Per-caller ordering, for a sync actor that runs one call at a time; null for async and threaded actors, which promise no order.</summary>
    private readonly CallerOrder? _callerOrder;
    /// <summary>Scratch for <see cref="FindStartableLocked"/>: callers with a call waiting for its arguments ahead of the scan.</summary>
    private List<object>? _waitingCallers;
    /// <summary>True when a sync actor's calls run on pool threads rather than on the drain's thread.</summary>
    private readonly bool _runsOnPool;
    private volatile ActorState _state = ActorState.Creating;
    private ExceptionDispatchInfo? _death;
    private ActorIncarnation? _current;
    private object? _stagedInstance;
    private LocalTask? _creation;
    private int _restarts;
    /// <summary>A restart asked for while the constructor ran (a kill or crash), done once it returns.</summary>
    private PendingInterrupt? _interruptWhenCreated;
    private int _handles;
    /// <summary>1 while a drain is queued or running; set by compare-and-swap so only one runs.</summary>
    private int _drainScheduled;

    public LocalActor(LocalBackend backend, ActorId id, string className, Type handleType, TaskSpec constructor, ResolvedOptions creationOptions, ActorOptions options)
    {
        Backend = backend;
        Id = id;
        ClassName = className;
        HandleType = handleType;
        Name = options.Name;
        IsDetached = options.Lifetime == ActorLifetime.Detached;
        _constructor = constructor;
        _creationOptions = creationOptions;
        _isAsync = constructor.Function.IsAsync;
        _maxConcurrency = options.MaxConcurrency ?? (_isAsync ? 1000 : 1);
        _maxRestarts = options.MaxRestarts ?? 0;
        _maxTaskRetries = options.MaxTaskRetries ?? 0;
        _groups = ConcurrencyGroupSet.Create(options.ConcurrencyGroups, _maxConcurrency, className);
        _runsOnPool = _maxConcurrency > 1 || _groups is not null;
        _callerOrder = _isAsync || _runsOnPool ? null : new CallerOrder();
    }

    private enum ActorState
    {
        Creating,
        Alive,
        Dead,
    }

    public LocalBackend Backend { get; }

    IRayBackend IActorEndpoint.Backend => Backend;

    public ActorId Id { get; }

    public string ClassName { get; }

    /// <summary>The generated handle type, so a name lookup can check the caller asked for the right class.</summary>
    public Type HandleType { get; }

    public string? Name { get; }

    /// <summary>True for <see cref="ActorLifetime.Detached"/>: the actor is not ended when its handles are collected.</summary>
    public bool IsDetached { get; }

    /// <summary>The instance of the current incarnation, once its constructor returned.</summary>
    public object? Instance => Volatile.Read(ref _current)?.Instance;

    /// <summary>
    /// True when a restart may retry a running call (<c>MaxTaskRetries</c> is not 0): then each attempt stages its
    /// results apart, and only the one that ends as the call's outcome publishes.
    /// </summary>
    public bool RetriesCallsOnRestart => _maxTaskRetries != 0;

    /// <summary>How often the actor has restarted.</summary>
    public int Restarts => Volatile.Read(ref _restarts);
}
