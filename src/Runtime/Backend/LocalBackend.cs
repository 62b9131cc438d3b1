using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp.Backend;

/// <summary>The in-process backend: tasks run on this process's thread pool under a resource-aware scheduler.</summary>
internal sealed class LocalBackend : IRayBackend
{
    private readonly ulong _owner = (ulong)Random.Shared.NextInt64();
    private long _sequence;
    private volatile bool _disposed;

    public LocalBackend(RayRuntime runtime, ResourceRequest capacity)
    {
        Runtime = runtime;
        Scheduler = new Scheduler(new ResourcePool(capacity));
    }

    public RayRuntime Runtime { get; }

    public Scheduler Scheduler { get; }

    public LiveTaskSet Live { get; } = new();

    public ObjectRef<T> Put<T>(T value)
    {
        ThrowIfDisposed();
        return new ObjectRef<T>(ObjectEntry<T>.Ready(NextObjectId(), value));
    }

    public ObjectRef<T> Submit<T>(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ThrowIfDisposed();
        var options = spec.ResolveOptions();
        var entry = new ObjectEntry<T>(NextObjectId());
        var task = new LocalTask(this, spec, options, entry);
        entry.Producer = task;
        if (!Live.TryAdd(task))
        {
            entry.TryFail(ShutdownError(task.Name));
            return new ObjectRef<T>(entry);
        }

        if (BlockingScope.Current is LocalTask parent && parent.Backend == this)
        {
            parent.AddChild(task);
        }

        if (Scheduler.Pool.CanEverFit(options.Request))
        {
            task.Start();
        }
        else
        {
            task.FailUnschedulable(Scheduler.Pool.Capacity.ToString());
        }

        return new ObjectRef<T>(entry);
    }

    public void Cancel(ObjectRef reference, bool force, bool recursive) => reference.Entry.Producer?.Cancel(force, recursive);

    public IReadOnlyDictionary<string, double> TotalResources() => Scheduler.Pool.Capacity.ToDictionary();

    public IReadOnlyDictionary<string, double> AvailableResources() => Scheduler.Pool.Available();

    public RuntimeContext? CurrentContext() =>
        BlockingScope.Current is LocalTask task && task.Backend == this
            ? new RuntimeContext(task.Id, task.Name, task.Request.ToDictionary(), task.IsCancelRequested, task.CancellationToken)
            : null;

    /// <summary>Refuses new work and fails every pending ref with <see cref="RuntimeShutdownException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var pending = Live.Close();
        Scheduler.Close();
        var error = ShutdownError(null);
        foreach (var task in pending)
        {
            task.Abort(error);
        }
    }

    private static ExceptionDispatchInfo ShutdownError(string? taskName) =>
        ExceptionDispatchInfo.Capture(new RuntimeShutdownException(taskName is null
            ? "The RaySharp runtime shut down before this object was ready. Keep the runtime alive until every Get has returned."
            : $"Task '{taskName}' was submitted to a RaySharp runtime that is shut down. Call Ray.Init() (or create a new RayRuntime) first."));

    private ObjectId NextObjectId() => new(_owner, (ulong)Interlocked.Increment(ref _sequence));

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new RuntimeShutdownException("This RaySharp runtime is shut down. Call Ray.Init() (or create a new RayRuntime) to start another.");
        }
    }
}
