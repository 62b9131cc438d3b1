using System;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Actors;

/// <summary>
/// One life of an actor: the instance its constructor made, and the calls still running on it. When the life ends
/// (kill, crash, exit, shutdown, collection) the instance is disposed once its last running call has returned.
/// Async actors run each concurrency group's calls on that group's own exclusive scheduler, as Ray runs each group on
/// its own event loop: calls of one group interleave only at awaits, and a call that blocks its thread holds up only
/// its own group.
/// </summary>
internal sealed class ActorIncarnation(LocalActor actor, object instance, bool isAsync, int groupCount = 1)
{
    /// <summary>One-at-a-time turns per concurrency group (the default group first) of an async actor; null for a sync actor.</summary>
    private readonly TaskScheduler?[]? _turns = isAsync ? new TaskScheduler?[Math.Max(groupCount, 1)] : null;

    private int _inFlight;
    private int _ended;
    private int _disposed;

    /// <summary>The actor this is a life of.</summary>
    public LocalActor Actor { get; } = actor;

    public object Instance { get; } = instance;

    /// <summary>
    /// The one-at-a-time turns of an async actor's concurrency group <paramref name="group"/> (0: the default group, or
    /// every call of an actor without groups), made on first use; null for a sync actor.
    /// </summary>
    public TaskScheduler? TurnsOf(int group)
    {
        if (_turns is null)
        {
            return null;
        }

        return Volatile.Read(ref _turns[group])
            ?? Interlocked.CompareExchange(ref _turns[group], new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler, null)
            ?? _turns[group];
    }

    public void CallStarted() => Interlocked.Increment(ref _inFlight);

    public void CallEnded()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _ended) == 1)
        {
            DisposeInstance();
        }
    }

    /// <summary>This life is over: dispose the instance now, or when its last running call returns.</summary>
    public void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0 && Volatile.Read(ref _inFlight) == 0)
        {
            DisposeInstance();
        }
    }

    private void DisposeInstance()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            switch (Instance)
            {
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception)
        {
            // A throwing Dispose must not take the runtime down; the actor is gone either way.
        }
    }
}
