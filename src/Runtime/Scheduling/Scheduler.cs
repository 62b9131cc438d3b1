using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Holds tasks whose dependencies are ready until their resources are free, then hands them to the thread pool.
/// A waiting task holds no thread. Tasks wait in one FIFO queue per resource shape (Ray's scheduling classes),
/// served in turn, so a large request does not hold up small ones behind it. A pool thread that finishes a task
/// takes the next waiting one itself (<see cref="ReleaseAndTakeNext"/>), which saves a pool hop per task.
/// </summary>
internal sealed class Scheduler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ResourceRequest, Queue<LocalTask>> _queues = new();
    private readonly List<Queue<LocalTask>> _order = new();
    private int _waiting;
    private int _nextQueue;
    private bool _closed;

    public Scheduler(ResourcePool pool) => Pool = pool;

    public ResourcePool Pool { get; }

    /// <summary>Admits a task in state Queued: dispatches it now if its resources are free, else queues it.</summary>
    public void Enqueue(LocalTask task)
    {
        var request = task.Request;
        if (Volatile.Read(ref _waiting) == 0 && request.IsCpuOnly && Pool.TryAcquireCpu(request.CpuUnits))
        {
            if (!TryDispatch(task, toPool: true))
            {
                DrainIfWaiting();
            }

            return;
        }

        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            if (!_queues.TryGetValue(request, out var queue))
            {
                queue = new Queue<LocalTask>();
                _queues.Add(request, queue);
                _order.Add(queue);
            }

            queue.Enqueue(task);
            _waiting++;
            DrainLocked(takeOne: false);
        }
    }

    /// <summary>Returns a finished task's resources and admits waiting tasks.</summary>
    public void Release(ResourceRequest request, long cpuAlreadyReleased = 0)
    {
        Pool.Release(request, cpuAlreadyReleased);
        DrainIfWaiting();
    }

    /// <summary>Returns a finished task's resources; the first waiting task they admit is returned for the caller to run itself.</summary>
    public LocalTask? ReleaseAndTakeNext(ResourceRequest request, long cpuAlreadyReleased)
    {
        Pool.Release(request, cpuAlreadyReleased);
        if (Volatile.Read(ref _waiting) == 0)
        {
            return null;
        }

        lock (_lock)
        {
            return DrainLocked(takeOne: true);
        }
    }

    /// <summary>A running task blocks: its CPU goes to waiting tasks.</summary>
    public void LendCpu(long units)
    {
        Pool.ReleaseCpu(units);
        DrainIfWaiting();
    }

    /// <summary>Queues a dispatched task (resources held) to the thread pool.</summary>
    public void DispatchToPool(LocalTask task)
    {
        ThreadBudget.Dispatched();
        ThreadPool.UnsafeQueueUserWorkItem(task, preferLocal: false);
    }

    /// <summary>Drops every waiting task; the backend fails them.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _queues.Clear();
            _order.Clear();
            _waiting = 0;
        }
    }

    private void DrainIfWaiting()
    {
        if (Volatile.Read(ref _waiting) > 0)
        {
            lock (_lock)
            {
                DrainLocked(takeOne: false);
            }
        }
    }

    /// <summary>Dispatches every waiting task whose resources are free; with <paramref name="takeOne"/>, returns the first instead of queueing it.</summary>
    private LocalTask? DrainLocked(bool takeOne)
    {
        LocalTask? taken = null;
        var count = _order.Count;
        for (var turn = 0; turn < count && _waiting > 0; turn++)
        {
            var queue = _order[(_nextQueue + turn) % count];
            while (queue.TryPeek(out var head))
            {
                if (head.State != LocalTask.Queued)
                {
                    queue.Dequeue();
                    _waiting--;
                    continue;
                }

                if (!Pool.TryAcquire(head.Request))
                {
                    break;
                }

                queue.Dequeue();
                _waiting--;
                var keep = takeOne && taken is null;
                if (TryDispatch(head, toPool: !keep) && keep)
                {
                    taken = head;
                }
            }
        }

        if (count > 0)
        {
            _nextQueue = (_nextQueue + 1) % count;
        }

        return taken;
    }

    /// <summary>Marks a task whose resources are acquired as dispatched; gives them back if it was cancelled or run inline meanwhile.</summary>
    private bool TryDispatch(LocalTask task, bool toPool)
    {
        if (!task.TryMarkDispatched())
        {
            Pool.Release(task.Request);
            return false;
        }

        if (toPool)
        {
            DispatchToPool(task);
        }

        return true;
    }
}
