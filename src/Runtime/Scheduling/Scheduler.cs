using System.Collections.Generic;
using System.Threading;
using RaySharp.Backend;

namespace RaySharp.Scheduling;

/// <summary>
/// Holds tasks whose dependencies are ready until their resources are free, then hands them to the thread pool.
/// A waiting task holds no thread. Tasks wait in one FIFO queue per resource shape (Ray's scheduling classes).
/// The common shape, one CPU and nothing else, waits in a lock-free queue (<see cref="CpuReadyQueue"/>), so
/// submitters and finishing workers do not fight over a lock, and a finishing worker hands its CPU straight to
/// the next task of that shape; the other shapes wait under a lock and are served in turn, and each drain
/// alternates which side goes first, so neither starves the other. A large request does not hold up small ones
/// behind it. A pool thread that finishes a task takes the next waiting one itself
/// (<see cref="ReleaseAndTakeNext"/>), which saves a pool hop per task.
/// </summary>
internal sealed class Scheduler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ResourceRequest, Queue<LocalTask>> _queues = new();
    private readonly List<Queue<LocalTask>> _order = new();
    private readonly CpuReadyQueue _oneCpu = new(ResourceRequest.UnitsPerResource);
    private int _waiting;
    private int _nextQueue;
    private int _turn;
    private volatile bool _closed;

    private readonly ThreadBudget _budget;

    public Scheduler(ResourcePool pool, ThreadBudget budget)
    {
        Pool = pool;
        _budget = budget;
    }

    public ResourcePool Pool { get; }

    /// <summary>Admits a task in state Queued: dispatches it now if its resources are free, else queues it.</summary>
    public void Enqueue(LocalTask task)
    {
        var request = task.Request;
        if (_oneCpu.Fits(request))
        {
            // Always through the queue, even when CPU is free: the drain below dispatches it (or an older one) at
            // once, and while every CPU is busy the submitter reads only the pool's counter, not the queue's head,
            // which finishing workers write.
            _oneCpu.Add(task);
            if (_closed)
            {
                // Close may have emptied the queue before this task arrived: nobody else fails it.
                AbortAll(_oneCpu.TakeAll());
                return;
            }

            Drain(takeOne: false);
            return;
        }

        lock (_lock)
        {
            if (_closed)
            {
                task.Abort(LocalBackend.ShutdownError(null));
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
        }

        Drain(takeOne: false);
    }

    /// <summary>Returns a finished task's resources and admits waiting tasks.</summary>
    public void Release(ResourceRequest request, long cpuAlreadyReleased = 0, int[]? gpuIds = null)
    {
        Pool.Release(request, cpuAlreadyReleased, gpuIds);
        Drain(takeOne: false);
    }

    /// <summary>Returns a finished task's resources; the first waiting task they admit is returned for the caller to run itself.</summary>
    public LocalTask? ReleaseAndTakeNext(ResourceRequest request, long cpuAlreadyReleased, int[]? gpuIds)
    {
        // The common case hands the CPU straight to the next task of the same shape, without touching the pool,
        // unless tasks of other shapes wait: then the CPU goes back and the drain serves both sides in turn.
        if (cpuAlreadyReleased == 0 && _oneCpu.Fits(request))
        {
            while (Volatile.Read(ref _waiting) == 0 && !_closed && _oneCpu.TryTakeWithHeldCpu() is { } next)
            {
                if (next.TryMarkDispatched())
                {
                    return next;
                }
            }
        }

        Pool.Release(request, cpuAlreadyReleased, gpuIds);
        return Drain(takeOne: true);
    }

    /// <summary>A running task blocks: its CPU goes to waiting tasks.</summary>
    public void LendCpu(long units)
    {
        Pool.ReleaseCpu(units);
        Drain(takeOne: false);
    }

    /// <summary>Queues a dispatched task (resources held) to the thread pool.</summary>
    public void DispatchToPool(LocalTask task)
    {
        _budget.Dispatched();
        WorkQueue.Queue(task, preferLocal: false);
    }

    /// <summary>Refuses new tasks and takes out every waiting one, for the backend to fail.</summary>
    /// <remarks>
    /// A submitter adds to the lock-free queue and then reads the flag, with no fence between: the process-wide
    /// barrier here makes sure it either sees the flag (and fails what it finds) or its task is in the queue below.
    /// </remarks>
    public List<LocalTask> Close()
    {
        var waiting = new List<LocalTask>();
        lock (_lock)
        {
            _closed = true;
            foreach (var queue in _order)
            {
                waiting.AddRange(queue);
            }

            _queues.Clear();
            _order.Clear();
            _waiting = 0;
        }

        Interlocked.MemoryBarrierProcessWide();
        waiting.AddRange(_oneCpu.TakeAll());
        return waiting;
    }

    private static void AbortAll(List<LocalTask> tasks)
    {
        foreach (var task in tasks)
        {
            task.Abort(LocalBackend.ShutdownError(null));
        }
    }

    /// <summary>
    /// Dispatches every waiting task whose resources are free, the lock-free shape and the others in alternating
    /// order; with <paramref name="takeOne"/>, returns the first instead of queueing it. Runs again while a
    /// cancelled task gave back resources it had been granted.
    /// </summary>
    private LocalTask? Drain(bool takeOne)
    {
        LocalTask? taken = null;

        // The shared turn counter is touched only when both sides have waiting tasks, to keep the common path free of it.
        var oneCpuFirst = Volatile.Read(ref _waiting) == 0 || (Interlocked.Increment(ref _turn) & 1) == 0;
        bool released;
        do
        {
            released = false;
            if (oneCpuFirst)
            {
                DrainOneCpu(takeOne, ref taken, ref released);
            }

            if (Volatile.Read(ref _waiting) > 0)
            {
                lock (_lock)
                {
                    DrainLocked(takeOne, ref taken, ref released);
                }
            }

            if (!oneCpuFirst)
            {
                DrainOneCpu(takeOne, ref taken, ref released);
            }
        }
        while (released);

        return taken;
    }

    private void DrainOneCpu(bool takeOne, ref LocalTask? taken, ref bool released)
    {
        // After the first task, look at the queue before taking CPU: a drain that emptied it then leaves without
        // acquiring and giving back the CPU it will not use (its caller's own task is already taken).
        for (var first = true; !_closed && (first || !_oneCpu.IsEmpty) && _oneCpu.TryTake(Pool) is { } next; first = false)
        {
            Admit(next, takeOne, ref taken, ref released);
        }
    }

    /// <summary>Dispatches every waiting task of the locked shapes whose resources are free.</summary>
    private void DrainLocked(bool takeOne, ref LocalTask? taken, ref bool released)
    {
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

                if (!Pool.TryAcquire(head.Request, out var gpuIds))
                {
                    break;
                }

                head.GpuIds = gpuIds;

                queue.Dequeue();
                _waiting--;
                Admit(head, takeOne, ref taken, ref released);
            }
        }

        if (count > 0)
        {
            _nextQueue = (_nextQueue + 1) % count;
        }
    }

    /// <summary>Dispatches a task whose resources are acquired: keeps the first for the caller with <paramref name="takeOne"/>, else queues it to the pool.</summary>
    private void Admit(LocalTask task, bool takeOne, ref LocalTask? taken, ref bool released)
    {
        var keep = takeOne && taken is null;
        if (!TryDispatch(task, toPool: !keep))
        {
            released = true;
        }
        else if (keep)
        {
            taken = task;
        }
    }

    /// <summary>Marks a task whose resources are acquired as dispatched; gives them back if it was cancelled or run inline meanwhile.</summary>
    private bool TryDispatch(LocalTask task, bool toPool)
    {
        if (!task.TryMarkDispatched())
        {
            Pool.Release(task.Request, 0, task.TakeGpuIds());
            return false;
        }

        if (toPool)
        {
            DispatchToPool(task);
        }

        return true;
    }
}
