using System;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Draining;

/// <summary>
/// A node's drain (Ray's <c>ray drain-node</c>): once <see cref="Begin"/> is called, the node takes no new tasks (its
/// backend hands specs that still arrive back to their senders, which place them elsewhere without spending a retry),
/// and <see cref="WhenIdleAsync"/> waits until the work other nodes sent here has ended. The work is counted from the
/// moment a batch is accepted (<see cref="Enter"/>) until each task's result is queued for its sender.
/// </summary>
internal sealed class NodeDrain
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _sync = new();
    private TaskCompletionSource _idle = NewIdle();
    private long _work;
    private volatile bool _draining;

    /// <summary>True once the drain began: nothing new is taken.</summary>
    public bool IsDraining => _draining;

    /// <summary>Completes when the drain begins (for tests: a handshake, not a sleep).</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when the drain ended (true: everything here finished in time); for tests, a handshake.</summary>
    public Task<bool> Ended => _ended.Task;

    /// <summary>Records that the drain ended.</summary>
    public void End(bool finished) => _ended.TrySetResult(finished);

    /// <summary>Tasks and actor calls other nodes sent that have not ended here yet.</summary>
    public long Work => Interlocked.Read(ref _work);

    /// <summary>Begins the drain; false when it had begun already.</summary>
    public bool Begin()
    {
        lock (_sync)
        {
            if (_draining)
            {
                return false;
            }

            _draining = true;
        }

        _started.TrySetResult();
        return true;
    }

    /// <summary>Counts one piece of work until <see cref="Exit"/> ends it.</summary>
    public void Enter()
    {
        lock (_sync)
        {
            if (_work++ == 0)
            {
                _idle = NewIdle();
            }
        }
    }

    /// <summary>One piece of work ended.</summary>
    public void Exit()
    {
        TaskCompletionSource? idle = null;
        lock (_sync)
        {
            if (--_work == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Waits until no work is counted, up to <paramref name="timeout"/>; false when some was left then.</summary>
    public async Task<bool> WhenIdleAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        Task idle;
        lock (_sync)
        {
            idle = _work == 0 ? Task.CompletedTask : _idle.Task;
        }

        try
        {
            await idle.WaitAsync(timeout, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
