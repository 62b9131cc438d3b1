using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading;
using RaySharp.Backend;

namespace RaySharp.Scheduling;

/// <summary>
/// The task each thread is running for one backend, so shutdown can fail a running task (which may block forever)
/// although a ready task is never entered in the backend's <see cref="LiveTaskSet"/>: one slot per thread that ever
/// ran a task, on its own cache line and written only by that thread, so a worker announces its task with a plain
/// store. Each backend keeps its own list of the slots its tasks ran in; a thread that runs tasks of several
/// runtimes joins each one's list once. It holds the same task as <see cref="Objects.BlockingScope"/>'s thread slot;
/// the two stay apart for speed (docs/benchmarks.md, runs 12-16).
/// </summary>
/// <remarks>
/// A runner stores its task in its slot and then reads whether the backend is disposed; shutdown marks the backend
/// disposed, runs a process-wide memory barrier, then reads every slot. So either the runner sees the flag (and fails
/// its task itself) or shutdown sees the task (and fails it), without a fence on the runner's path.
/// </remarks>
internal sealed class RunningTasks
{
    private readonly List<Slot> _slots = [];

    [ThreadStatic]
    private static Slot? t_slot;

    /// <summary>Makes <paramref name="task"/> this thread's running task; returns the one it hides (a task blocked under it), if any.</summary>
    public LocalTask? Enter(LocalTask task)
    {
        var slot = t_slot ?? CreateSlot();
        if (slot.Registry != this)
        {
            Join(slot);
        }

        var hidden = slot.Running.Task;
        slot.Running.Task = task;
        return hidden;
    }

    /// <summary>Makes <paramref name="previous"/> (what <see cref="Enter"/> returned) this thread's running task again.</summary>
    public static void Exit(LocalTask? previous) => t_slot!.Running.Task = previous;

    /// <summary>The tasks of <paramref name="backend"/> that threads are running now (a moment's view).</summary>
    public List<LocalTask> Snapshot(LocalBackend backend)
    {
        List<LocalTask> running = [];
        lock (_slots)
        {
            _slots.RemoveAll(static slot => !slot.Owner.IsAlive);
            foreach (var slot in _slots)
            {
                // A slot shared with another runtime may hold that runtime's task.
                if (Volatile.Read(ref slot.Running.Task) is { } task && task.Backend == backend)
                {
                    running.Add(task);
                }
            }
        }

        return running;
    }

    /// <summary>Fails every task of <paramref name="backend"/> that a thread is running; call after the backend is marked disposed.</summary>
    public void AbortAll(LocalBackend backend, ExceptionDispatchInfo error)
    {
        Interlocked.MemoryBarrierProcessWide();
        foreach (var task in Snapshot(backend))
        {
            task.Abort(error);
        }
    }

    private static Slot CreateSlot() => t_slot = new Slot(Thread.CurrentThread);

    /// <summary>Adds this thread's slot to this backend's list (once); the slot remembers the last list it joined.</summary>
    private void Join(Slot slot)
    {
        lock (_slots)
        {
            if (!_slots.Contains(slot))
            {
                _slots.Add(slot);
            }
        }

        slot.Registry = this;
    }

    private sealed class Slot(Thread owner)
    {
        public PaddedTask Running;

        public Thread Owner { get; } = owner;

        /// <summary>The backend list this slot joined last: a thread that keeps serving one runtime checks only this.</summary>
        public RunningTasks? Registry;
    }

    /// <summary>A task reference alone on its cache line, so no other thread's writes land beside it.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedTask
    {
        [FieldOffset(64)]
        public LocalTask? Task;
    }
}
