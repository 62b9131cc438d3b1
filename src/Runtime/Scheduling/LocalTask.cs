using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Actors;
using RaySharp.Backend;
using RaySharp.Objects;

namespace RaySharp.Scheduling;

/// <summary>
/// One accepted task in the in-process backend: it waits for its dependencies (registered on their entries, no
/// thread), waits in the scheduler for resources, then runs the generated invoker on a pool thread and
/// publishes the result. States only move forward, by compare-and-swap, except a retry's Running → Queued.
/// </summary>
[DebuggerDisplay("{Name,nq} {Id} state={State}")]
internal sealed class LocalTask : RemoteInvocation, IThreadPoolWorkItem, IObjectWaiter, IBlockingContext, ITaskProducer
{
    public const int WaitingForDependencies = 0;
    public const int Queued = 1;
    public const int Dispatched = 2;
    public const int Running = 3;
    public const int Finished = 4;

    private const int MaxInlineDepth = 128;

    [ThreadStatic]
    private static int t_inlineDepth;

    private readonly LocalBackend _backend;
    private readonly ObjectEntry _result;
    private readonly ResolvedOptions _options;
    private readonly LocalActor? _actor;
    private readonly TaskRole _role;
    private readonly ExtraOutputs? _extra;
    private int _state;
    private int _pendingDependencies;
    private int _attempts;
    private int _cancelRequested;
    private bool _resultStaged;
    private volatile bool _abandoned;
    private CancellationTokenSource? _cancellation;
    private List<LocalTask>? _children;

    // Resource holding; guarded by lock (this).
    private bool _holdsResources;
    private int _blockedCount;
    private LocalTask? _inlineHost;

    public LocalTask(LocalBackend backend, TaskSpec spec, ResolvedOptions options, ObjectEntry result, LocalActor? actor = null, TaskRole role = TaskRole.Task, ExtraOutputs? extra = null)
    {
        _extra = extra;
        _backend = backend;
        Spec = spec;
        _options = options;
        _result = result;
        _actor = actor;
        _role = role;
    }

    /// <summary>What a task is for: a plain task, an actor's constructor, or a call on an actor.</summary>
    public enum TaskRole : byte
    {
        Task,
        ActorCreation,
        ActorCall,
    }

    public TaskSpec Spec { get; }

    /// <summary>The entry of the task's result.</summary>
    public ObjectEntry Result => _result;

    public ulong Sequence => _result.Id.Sequence;

    public TaskId Id => new(_result.Id.Owner, _result.Id.Sequence);

    public string Name => _options.Name ?? Spec.Function.Name;

    public ResourceRequest Request => _options.Request;

    public ResolvedOptions Options => _options;

    public int State => Volatile.Read(ref _state);

    public bool IsCancelRequested => Volatile.Read(ref _cancelRequested) != 0;

    public LocalBackend Backend => _backend;

    internal LocalTask? LivePrevious { get; set; }

    internal LocalTask? LiveNext { get; set; }

    internal bool IsLive { get; set; }

    /// <inheritdoc />
    public override object? Actor => _actor?.Instance;

    /// <summary>The actor this task is a call on (or constructs); null for plain tasks.</summary>
    public LocalActor? TargetActor => _role == TaskRole.Task ? null : _actor;

    public bool IsActorCall => _role == TaskRole.ActorCall;

    /// <inheritdoc />
    public override CancellationToken CancellationToken => (Volatile.Read(ref _cancellation) ?? CreateCancellation()).Token;

    /// <summary>Registers on unready dependencies; the last one to complete makes the task ready.</summary>
    public void Start()
    {
        var args = Spec.Args;
        var count = args.DependencyCount;
        if (count == 0)
        {
            MakeReady();
            return;
        }

        _pendingDependencies = 1;
        for (var i = 0; i < count; i++)
        {
            var entry = args.GetDependency(i).Entry;
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

    /// <summary>Fails at once: the task can never fit the runtime.</summary>
    public void FailUnschedulable(string capacity)
    {
        if (TryTransition(WaitingForDependencies, Finished))
        {
            var error = new TaskUnschedulableException(Name, Request.ToString(), capacity);
            Conclude(ExceptionDispatchInfo.Capture(error));
            _actor?.Die("it can never be scheduled: " + error.Message, error);
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

    public void AddChild(LocalTask child)
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, [], null);
            children = _children!;
        }

        lock (children)
        {
            if (children.Count >= 16 && children.Count == children.Capacity)
            {
                children.RemoveAll(static c => c.State == Finished);
            }

            children.Add(child);
        }
    }

    /// <summary>Ray.Cancel: a waiting task never runs; a running one sees its token (and with force, its ref fails now).</summary>
    public void Cancel(bool force, bool recursive)
    {
        Interlocked.Exchange(ref _cancelRequested, 1);
        SignalCancellation();
        if (recursive)
        {
            foreach (var child in SnapshotChildren())
            {
                child.Cancel(force, recursive: true);
            }
        }

        while (true)
        {
            var state = State;
            switch (state)
            {
                case WaitingForDependencies or Queued when TryTransition(state, Finished):
                    Conclude(CancelledError());
                    return;
                case Dispatched when TryTransition(Dispatched, Finished):
                    ReleaseResources();
                    Conclude(CancelledError());
                    return;
                case Running:
                    if (force)
                    {
                        FailOutputs(CancelledError());
                    }

                    return;
                case Finished:
                    return;
            }
        }
    }

    /// <summary>Shutdown: the ref fails with <paramref name="error"/> and running code sees its token.</summary>
    public void Abort(ExceptionDispatchInfo error)
    {
        Interlocked.Exchange(ref _cancelRequested, 1);
        Interlocked.Exchange(ref _state, Finished);
        SignalCancellation();
        FailOutputs(error);
    }

    /// <summary>Called by the scheduler once resources are acquired for this task.</summary>
    public bool TryMarkDispatched()
    {
        lock (this)
        {
            _holdsResources = true;
        }

        if (TryTransition(Queued, Dispatched))
        {
            return true;
        }

        lock (this)
        {
            _holdsResources = false;
        }

        return false;
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (TryTransition(Dispatched, Running))
        {
            Run();
        }

        ThreadBudget.Leave();
    }

    void IObjectWaiter.OnObjectCompleted(ObjectEntry entry, int token)
    {
        if (Interlocked.Decrement(ref _pendingDependencies) == 0)
        {
            OnDependenciesReady();
        }
    }

    public bool TryRunProducerInline(ObjectEntry awaited) =>
        awaited.Producer is LocalTask producer && producer._backend == _backend && producer.TryRunInlineFor(this);

    public void BeginBlocking()
    {
        var holder = ResourceHolder();
        long lend = 0;
        lock (holder)
        {
            if (holder._holdsResources && holder._blockedCount++ == 0)
            {
                lend = holder.Request.CpuUnits;
            }
        }

        if (lend > 0)
        {
            _backend.Scheduler.LendCpu(lend);
        }
    }

    public void EndBlocking()
    {
        var holder = ResourceHolder();
        long take = 0;
        lock (holder)
        {
            if (holder._holdsResources && holder._blockedCount > 0 && --holder._blockedCount == 0)
            {
                take = holder.Request.CpuUnits;
            }
        }

        if (take > 0)
        {
            _backend.Scheduler.Pool.ForceAcquireCpu(take);
        }
    }

    private protected override void SetActorInstance(object instance)
    {
        if (_role != TaskRole.ActorCreation)
        {
            throw new InvalidOperationException($"'{Spec.Function.Name}' is not an actor constructor; only constructors return an actor instance.");
        }

        SetResult(0, Unit.Value);
        _actor!.StageInstance(instance);
    }

    private protected override void SetResult<T>(int index, T value)
    {
        var entry = index == 0 ? _result : _extra is { } extra && index <= extra.Entries.Length ? extra.Entries[index - 1] : null;
        if (entry is not ObjectEntry<T> typed)
        {
            throw new InvalidOperationException(
                $"Remote function '{Spec.Function.Name}' returned {typeof(T).Name} as result {index}, but its caller expects a different type "
                + "or fewer results. The stub and the invoker disagree.");
        }

        typed.Stage(value);
        _resultStaged = true;
    }

    private protected override void AppendStreamItem<T>(T item)
    {
        if (_extra?.Stream is not ObjectRefGenerator<T> stream)
        {
            throw new InvalidOperationException(
                $"Remote function '{Spec.Function.Name}' streamed {typeof(T).Name} items, but its caller did not submit it as a stream of that type. The stub and the invoker disagree.");
        }

        stream.Append(item);
    }

    private void OnDependenciesReady()
    {
        var args = Spec.Args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            if (args.GetDependency(i).Entry.CapturedError is { } error)
            {
                if (TryTransition(WaitingForDependencies, Finished))
                {
                    Conclude(error);
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

        if (_role == TaskRole.ActorCall)
        {
            _actor!.Pump();
        }
        else
        {
            _backend.Scheduler.Enqueue(this);
        }
    }

    private bool TryRunInlineFor(LocalTask host)
    {
        if (t_inlineDepth >= MaxInlineDepth || _role != TaskRole.Task)
        {
            return false;
        }

        var state = State;
        if (state == Queued && Request.FitsWithin(host.Request) && TryTransition(Queued, Running))
        {
            // Runs on the host's resources: the host is blocked waiting for exactly this result.
            _inlineHost = host;
        }
        else if (!(state == Dispatched && TryTransition(Dispatched, Running)))
        {
            return false;
        }

        t_inlineDepth++;
        try
        {
            Run();
        }
        finally
        {
            t_inlineDepth--;
        }

        return true;
    }

    private void Run()
    {
        var previousOnThread = BlockingScope.EnterThread(this);
        var isAsync = Spec.Function.IsAsync;
        IBlockingContext? previousFlowing = null;
        if (isAsync)
        {
            previousFlowing = BlockingScope.Flowing;
            BlockingScope.SetFlowing(this);
        }

        ValueTask pending;
        try
        {
            pending = Spec.Function.Invoker.InvokeAsync(Spec.Function, Spec.Args, this);
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
        }

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
        if (_abandoned)
        {
            Incarnation?.CallEnded();
            return;
        }

        if (error is null && !_resultStaged)
        {
            error = new InvalidOperationException($"The invoker of '{Spec.Function.Name}' returned without storing a result; it must call one of the Return methods.");
        }

        if (error is not null && !IsCancellation(error) && ShouldRetry(error) && TryTransition(Running, Queued))
        {
            _attempts++;
            ReleaseResources();
            if (IsCancelRequested && TryTransition(Queued, Finished))
            {
                Conclude(CancelledError());
                return;
            }

            _backend.Scheduler.Enqueue(this);
            return;
        }

        switch (_role)
        {
            case TaskRole.ActorCreation:
                _actor!.OnCreationEnded(this, error);
                break;
            case TaskRole.ActorCall:
                _actor!.OnCallEnded(this, error);
                break;
            default:
                ReleaseResources();
                Complete(error);
                break;
        }
    }

    /// <summary>Ends the task with its outcome: publishes the staged results, or fails every output with the error.</summary>
    public void Complete(Exception? error)
    {
        Interlocked.Exchange(ref _state, Finished);
        if (error is null)
        {
            _result.TryPublishStaged();
            _extra?.Publish();
            _backend.Live.Remove(this);
        }
        else
        {
            Conclude(IsCancellation(error)
                ? CancelledError()
                : ExceptionDispatchInfo.Capture(new RayTaskException(Name, Id, error)));
        }
    }

    /// <summary>Takes a running actor call away from a dying incarnation: its late outcome is ignored.</summary>
    /// <returns>A fresh copy that can run on the next incarnation, sharing the same outputs.</returns>
    public LocalTask AbandonForRetry()
    {
        _abandoned = true;
        SignalCancellationFor();
        var retry = new LocalTask(_backend, Spec, _options, _result, _actor, _role, _extra) { _state = Queued, _attempts = _attempts + 1 };
        _result.Producer = retry;
        _backend.Live.Remove(this);
        _backend.Live.TryAdd(retry);
        return retry;
    }

    /// <summary>Ends a running actor call because its actor died: its ref fails now and its token is signalled.</summary>
    public void AbandonWith(ExceptionDispatchInfo error)
    {
        _abandoned = true;
        SignalCancellationFor();
        Interlocked.Exchange(ref _state, Finished);
        Conclude(error);
    }

    /// <summary>The actor life an actor call runs on; set when the call starts.</summary>
    public ActorIncarnation? Incarnation { get; set; }

    /// <summary>How often this call has been retried after actor restarts.</summary>
    public int Attempts => _attempts;

    /// <summary>Gives this task's resources to its actor, which holds them for its whole life.</summary>
    public void TransferResourcesToActor() => KeepResourcesForActor();

    private void SignalCancellationFor()
    {
        Interlocked.Exchange(ref _cancelRequested, 1);
        SignalCancellation();
    }

    /// <summary>An actor holds its creation resources for its whole life.</summary>
    private void KeepResourcesForActor()
    {
        lock (this)
        {
            _holdsResources = false;
        }
    }

    private bool IsCancellation(Exception error) => error is OperationCanceledException && IsCancelRequested;

    private bool ShouldRetry(Exception error) =>
        _role == TaskRole.Task
        && _extra?.Stream is null
        && !IsCancelRequested
        && _options.RetryExceptions.Matches(error)
        && (_options.MaxRetries == -1 || _attempts < _options.MaxRetries);

    private void Conclude(ExceptionDispatchInfo error)
    {
        FailOutputs(error);
        _backend.Live.Remove(this);
    }

    private void FailOutputs(ExceptionDispatchInfo error)
    {
        _result.TryFail(error);
        _extra?.Fail(error);
    }

    private ExceptionDispatchInfo CancelledError() => ExceptionDispatchInfo.Capture(new TaskCancelledException(Name, Id));

    public void ReleaseResources()
    {
        long lent;
        lock (this)
        {
            if (!_holdsResources)
            {
                return;
            }

            _holdsResources = false;
            lent = _blockedCount > 0 ? Request.CpuUnits : 0;
            _blockedCount = 0;
        }

        _backend.Scheduler.Release(Request, lent);
    }

    /// <summary>The task whose resources this thread runs on: itself, or the blocked task that ran it inline.</summary>
    private LocalTask ResourceHolder()
    {
        var task = this;
        while (!task._holdsResources && task._inlineHost is { } host)
        {
            task = host;
        }

        return task;
    }

    private List<LocalTask> SnapshotChildren()
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return [];
        }

        lock (children)
        {
            return [.. children];
        }
    }

    private CancellationTokenSource CreateCancellation()
    {
        var created = new CancellationTokenSource();
        var cancellation = Interlocked.CompareExchange(ref _cancellation, created, null) ?? created;
        if (IsCancelRequested)
        {
            cancellation.Cancel();
        }

        return cancellation;
    }

    private void SignalCancellation()
    {
        try
        {
            Volatile.Read(ref _cancellation)?.Cancel();
        }
        catch (AggregateException)
        {
            // A user's cancellation callback threw; cancelling must still go on.
        }
    }

    private bool TryTransition(int from, int to) => Interlocked.CompareExchange(ref _state, to, from) == from;
}
