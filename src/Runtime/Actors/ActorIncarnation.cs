using System;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Actors;

/// <summary>
/// One life of an actor: the instance its constructor made, and the calls still running on it. When the life ends
/// (kill, crash, exit, shutdown, collection) the instance is disposed once its last running call has returned.
/// Async actors run every call on the incarnation's exclusive scheduler, so calls interleave only at awaits.
/// </summary>
internal sealed class ActorIncarnation(LocalActor actor, object instance, bool isAsync)
{
    private int _inFlight;
    private int _ended;
    private int _disposed;

    /// <summary>The actor this is a life of.</summary>
    public LocalActor Actor { get; } = actor;

    public object Instance { get; } = instance;

    /// <summary>One-at-a-time turns for an async actor's calls; null for a sync actor.</summary>
    public TaskScheduler? Turns { get; } = isAsync ? new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler : null;

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
