using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Actors;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Objects;

namespace RaySharp.Scheduling;

/// <summary>
/// One accepted task in the in-process backend: it waits for its dependencies (registered on their entries, no
/// thread), waits in the scheduler for resources, then runs the generated invoker on a pool thread and
/// publishes the result. States only move forward, by compare-and-swap, except a retry's Running → Queued.
/// A pool thread that finishes a task runs the next waiting one itself (a hand-off), without a new work item.
/// </summary>
[DebuggerDisplay("{Name,nq} {Id} state={State}")]
internal sealed partial class LocalTask : RemoteInvocation, IThreadPoolWorkItem, IObjectWaiter, ITaskProducer
{
    public const int WaitingForDependencies = 0;
    public const int Queued = 1;
    public const int Dispatched = 2;
    public const int Running = 3;
    public const int Finished = 4;

    /// <summary>How many tasks one pool work item runs back to back before it yields the thread.</summary>
    private const int HandOffBatch = 64;

    /// <summary>The task a pool thread runs at the top of its stack, the only one that may hand off to a successor.</summary>
    [ThreadStatic]
    private static LocalTask? t_worker;

    [ThreadStatic]
    private static LocalTask? t_handOff;

    private readonly RemoteFunction _function;
    private readonly TaskArgs _args;
    /// <summary>The spec's options resolved; they also give back the spec's own options (<see cref="Spec"/>).</summary>
    private readonly ResolvedOptions _options;
    private readonly ObjectRef _result;
    /// <summary>
    /// The backend for a plain task; the callee for an actor call not yet started; the incarnation it runs on once
    /// started; or <see cref="TaskExtras"/> when the task needs any rarer field. Only ever moves along that order, by
    /// CAS, so an actor call that needs nothing else allocates no extras. Each of them leads to the backend, so a
    /// task keeps no field of its own for it.
    /// </summary>
    private object _link;
    private int _state;
    private int _pendingDependencies;
    private bool _resultStaged;

    public LocalTask(LocalBackend backend, TaskSpec spec, ResolvedOptions options, ObjectRef result, TaskExtras? extras = null)
    {
        _function = spec.Function;
        _args = spec.Args;
        _options = options;
        _result = result;
        if (extras is not null)
        {
            extras.Backend = backend;
        }

        _link = extras ?? (object)backend;
    }

    /// <summary>Creates a call on <paramref name="callee"/> that needs no <see cref="TaskExtras"/> (yet).</summary>
    public LocalTask(LocalBackend backend, TaskSpec spec, ResolvedOptions options, ObjectRef result, LocalActor callee)
        : this(backend, spec, options, result)
    {
        _link = callee;
    }

    /// <summary>What a task is for: a plain task, an actor's constructor, or a call on an actor.</summary>
    public enum TaskRole : byte
    {
        Task,
        ActorCreation,
        ActorCall,
    }

    /// <summary>The spec the task was submitted with (its per-call options come back from the resolved ones).</summary>
    public TaskSpec Spec => new(_function, _args, _options.CallOptions);

    /// <summary>The entry of the task's (first) result.</summary>
    public ObjectRef Result => _result;

    public ulong Sequence => _result.Id.Sequence;

    public TaskId Id => new(_result.Id.Owner, _result.Id.Sequence);

    public string Name => _options.Name ?? _function.Name;

    public ResourceRequest Request => _options.Request;

    public ResolvedOptions Options => _options;

    public int State => Volatile.Read(ref _state);

    public LocalBackend Backend => _link as LocalBackend ?? LinkedBackend();

    /// <inheritdoc />
    public RayRuntime Runtime => Backend.Runtime;

    public TaskRole Role => Volatile.Read(ref _link) switch
    {
        LocalBackend => TaskRole.Task,
        TaskExtras extras => extras.Role,
        _ => TaskRole.ActorCall,
    };

    /// <summary>The actor this task is a call on (or constructs); null for plain tasks.</summary>
    public LocalActor? TargetActor => Volatile.Read(ref _link) switch
    {
        LocalActor callee => callee,
        ActorIncarnation incarnation => incarnation.Actor,
        TaskExtras extras => extras.Actor,
        _ => null,
    };

    public bool IsActorCall => Role == TaskRole.ActorCall;

    /// <summary>How often this task has been retried.</summary>
    public int Attempts => ExtrasIfAny?.Attempts ?? 0;

    /// <summary>The actor life an actor call runs on; set when the call starts.</summary>
    public ActorIncarnation? Incarnation
    {
        get => Volatile.Read(ref _link) switch
        {
            ActorIncarnation incarnation => incarnation,
            TaskExtras extras => extras.Incarnation,
            _ => null,
        };
        set => SetIncarnation(value!);
    }

    /// <summary>The caller whose order this queued actor call keeps, or null when it may pass waiting calls (<see cref="CallerOrder"/>).</summary>
    public object? OrderedCaller => ExtrasIfAny?.OrderedCaller;

    /// <summary>Where the backend's <see cref="LiveTaskSet"/> keeps this task (a ring's number or its overflow).</summary>
    internal byte LivePlace { get; set; }

    /// <inheritdoc />
    public override object? Actor => TargetActor?.Instance;

    private TaskExtras Extras => ExtrasIfAny ?? CreateExtras();

    private TaskExtras? ExtrasIfAny => Volatile.Read(ref _link) as TaskExtras;

    private ExtraOutputs? Outputs => ExtrasIfAny?.Outputs;

    /// <summary>Registers on unready dependencies; the last one to complete makes the task ready.</summary>
    public void Start()
    {
        var args = _args;
        var count = args.DependencyCount;
        if (count == 0)
        {
            MakeReady();
            return;
        }

        _pendingDependencies = 1;
        for (var i = 0; i < count; i++)
        {
            var entry = args.GetDependency(i);
            if (entry.IsCompleted)
            {
                continue;
            }

            Interlocked.Increment(ref _pendingDependencies);
            if (!entry.TryRegister(this))
            {
                Interlocked.Decrement(ref _pendingDependencies);
            }
        }

        if (Interlocked.Decrement(ref _pendingDependencies) == 0)
        {
            OnDependenciesReady();
        }
    }

    /// <summary>Marks this actor call, before it is queued, as one that keeps <paramref name="caller"/>'s order.</summary>
    public void KeepOrderOf(object caller) => Extras.OrderedCaller = caller;

    /// <summary>Clears the mark as the call leaves the mailbox, and returns the caller it kept the order of.</summary>
    public object? TakeOrderedCaller()
    {
        if (ExtrasIfAny is not { OrderedCaller: { } caller } extras)
        {
            return null;
        }

        extras.OrderedCaller = null;
        return caller;
    }

    /// <summary>Fails at once: the task can never fit the runtime.</summary>
    public void FailUnschedulable(string capacity)
    {
        if (TryTransition(WaitingForDependencies, Finished))
        {
            var error = new TaskUnschedulableException(Name, Request.ToString(), capacity);
            LogUnschedulable(error);
            Conclude(ExceptionDispatchInfo.Capture(error));
            TargetActor?.Die("it can never be scheduled: " + error.Message, error);
        }
    }

    /// <summary>Fails a task that has not started (a call to a dead actor) with <paramref name="error"/>.</summary>
    public void FailWith(ExceptionDispatchInfo error)
    {
        if (TryTransition(WaitingForDependencies, Finished) || TryTransition(Queued, Finished))
        {
            Conclude(error);
        }
    }

    /// <summary>The mailbox takes this call: Queued → Running.</summary>
    public bool TryStartActorCall() => TryTransition(Queued, Running);

    /// <summary>Runs a call the mailbox started, on the mailbox's thread.</summary>
    public void RunActorCall() => Run();

    /// <summary>Called by the scheduler once resources are acquired for this task.</summary>
    public bool TryMarkDispatched()
    {
        SetHoldsResources(true);
        if (TryTransition(Queued, Dispatched))
        {
            return true;
        }

        SetHoldsResources(false);
        return false;
    }

    /// <summary>Runs this task and then, while the thread is hot, the tasks that finishing ones hand off.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        Backend.Budget.Started();
        var task = this;
        for (var budget = HandOffBatch; task is not null; budget--)
        {
            if (task.TryTransition(Dispatched, Running))
            {
                // The batch's last task hands nothing off: what waits goes to the pool, and other work gets this thread.
                t_worker = budget > 1 ? task : null;
                task.Run();
                t_worker = null;
            }

            task = t_handOff;
            t_handOff = null;
        }
    }

    void IObjectWaiter.OnObjectCompleted(ObjectRef entry, int token)
    {
        if (Interlocked.Decrement(ref _pendingDependencies) == 0)
        {
            OnDependenciesReady();
        }
    }

    /// <summary>Ends the task with its outcome: publishes the staged results, or fails every output with the error.</summary>
    public void Complete(Exception? error)
    {
        Interlocked.Exchange(ref _state, Finished);
        if (error is null && EndsCancelledDespiteReturning)
        {
            Conclude(CancelledError());
        }
        else if (error is null)
        {
            AdoptStagedResults();
            Backend.Store.AdmitResult(_result);
            foreach (var entry in Outputs?.Entries ?? [])
            {
                Backend.Store.AdmitResult(entry);
            }

            OnEnded(null);
            // Out of the live set first: whoever sees the result sees the task no longer use its arguments.
            Backend.Live.Remove(this);
            _result.TryPublishStaged();
            Outputs?.Publish();
        }
        else
        {
            Conclude(IsCancellation(error)
                ? CancelledError()
                : ExceptionDispatchInfo.Capture(new RayTaskException(Name, Id, error)));
        }
    }

    private void OnDependenciesReady()
    {
        var args = _args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            if (args.GetDependency(i).CapturedError is { } error)
            {
                if (TryTransition(WaitingForDependencies, Finished))
                {
                    Conclude(error);

                    // A queued call that ends here no longer holds up its caller's later calls.
                    if (IsActorCall)
                    {
                        TargetActor!.Pump();
                    }
                }

                return;
            }
        }

        MakeReady();
    }

    private void MakeReady()
    {
        if (!TryTransition(WaitingForDependencies, Queued))
        {
            return;
        }

        if (IsActorCall)
        {
            TargetActor!.Pump();
        }
        else
        {
            Backend.Scheduler.Enqueue(this);
        }
    }

    private void Run()
    {
        // Announced before the shutdown check: shutdown either finds the task here or this sees the backend disposed.
        var hidden = Backend.Running.Enter(this);
        hidden?.TrackWhileOffThread();
        if (Backend.IsDisposed)
        {
            RunningTasks.Exit(hidden);
            Abort(LocalBackend.ShutdownError(null));
            return;
        }

        var span = OnStarted(out var outerSpan);
        var previousOnThread = BlockingScope.EnterThread(this);
        var isAsync = _function.IsAsync;
        IBlockingContext? previousFlowing = null;
        if (isAsync)
        {
            previousFlowing = BlockingScope.Flowing;
            BlockingScope.SetFlowing(this);
        }

        ValueTask pending;
        try
        {
            pending = _function.Invoker.InvokeAsync(_function, _args, this);
        }
        catch (Exception exception)
        {
            pending = ValueTask.FromException(exception);
        }
        finally
        {
            BlockingScope.EnterThread(previousOnThread);
            if (isAsync)
            {
                BlockingScope.SetFlowing(previousFlowing);
            }

            LeaveSpan(span, outerSpan);
        }

        if (!pending.IsCompleted)
        {
            TrackWhileOffThread();
        }

        RunningTasks.Exit(hidden);
        if (pending.IsCompleted)
        {
            Finish(ErrorOf(pending));
        }
        else
        {
            _ = FinishWhenDoneAsync(pending);
        }
    }

    private async Task FinishWhenDoneAsync(ValueTask pending)
    {
        Exception? error = null;
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        Finish(error);
    }

    private static Exception? ErrorOf(ValueTask completed)
    {
        try
        {
            completed.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private void Finish(Exception? error)
    {
        if (ExtrasIfAny is { Abandoned: true } extras)
        {
            extras.Incarnation?.CallEnded();
            return;
        }

        if (error is null && !_resultStaged)
        {
            error = new InvalidOperationException($"The invoker of '{_function.Name}' returned without storing a result; it must call one of the Return methods.");
        }

        if (error is not null && !IsCancellation(error) && ShouldRetry(error) && TryTransition(Running, Queued))
        {
            Extras.Attempts++;
            LogRetry(error);
            _resultStaged = false;
            Outputs?.Stream?.RestartAttempt();
            ReleaseResources();
            if (IsCancelRequested && TryTransition(Queued, Finished))
            {
                Conclude(CancelledError());
                return;
            }

            Backend.Scheduler.Enqueue(this);
            return;
        }

        switch (Role)
        {
            case TaskRole.ActorCreation:
                TargetActor!.OnCreationEnded(this, error);
                break;
            case TaskRole.ActorCall:
                TargetActor!.OnCallEnded(this, error);
                break;
            default:
                ReleaseResources(handOff: ReferenceEquals(t_worker, this));
                Complete(error);
                break;
        }
    }

    private bool ShouldRetry(Exception error) =>
        Role == TaskRole.Task
        && !IsCancelRequested
        && _options.RetryExceptions.Matches(error)
        && (_options.MaxRetries == -1 || Attempts < _options.MaxRetries);

    private void Conclude(ExceptionDispatchInfo error)
    {
        OnEnded(error.SourceException);
        Backend.Live.Remove(this);
        FailOutputs(error);
    }

    private void FailOutputs(ExceptionDispatchInfo error)
    {
        _result.TryFail(error);
        Outputs?.Fail(error);
    }

    /// <summary>
    /// Enters a running task that leaves its thread's <see cref="RunningTasks"/> slot (an async task that awaits, or a
    /// task blocked under one run inline on its thread) in the live set, so shutdown still finds it; fails it at
    /// once when the backend is already shut down.
    /// </summary>
    private void TrackWhileOffThread()
    {
        if (LivePlace == LiveTaskSet.NotLive && !Backend.Live.TryAdd(this))
        {
            Abort(LocalBackend.ShutdownError(null));
        }
    }

    /// <summary>Moves <see cref="_link"/> to a <see cref="TaskExtras"/> carrying over the actor and incarnation it held.</summary>
    /// <summary>The backend, found through the actor or the extras the link holds.</summary>
    private LocalBackend LinkedBackend() => Volatile.Read(ref _link) switch
    {
        LocalBackend backend => backend,
        LocalActor callee => callee.Backend,
        ActorIncarnation incarnation => incarnation.Actor.Backend,
        var link => ((TaskExtras)link).Backend,
    };

    private TaskExtras CreateExtras()
    {
        while (true)
        {
            var link = Volatile.Read(ref _link);
            if (link is TaskExtras existing)
            {
                return existing;
            }

            var incarnation = link as ActorIncarnation;
            var created = new TaskExtras
            {
                Backend = Backend,
                Actor = link as LocalActor ?? incarnation?.Actor,
                Role = link is LocalBackend ? TaskRole.Task : TaskRole.ActorCall,
                Incarnation = incarnation,
            };
            if (Interlocked.CompareExchange(ref _link, created, link) == link)
            {
                return created;
            }
        }
    }

    private void SetIncarnation(ActorIncarnation incarnation)
    {
        ArgumentNullException.ThrowIfNull(incarnation);
        while (true)
        {
            var link = Volatile.Read(ref _link);
            if (link is TaskExtras extras)
            {
                extras.Incarnation = incarnation;
                return;
            }

            Debug.Assert(link is LocalActor or ActorIncarnation, "only an actor call runs on an incarnation");
            if (Interlocked.CompareExchange(ref _link, incarnation, link) == link)
            {
                return;
            }
        }
    }

    private bool TryTransition(int from, int to) => Interlocked.CompareExchange(ref _state, to, from) == from;
}
