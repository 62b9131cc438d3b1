using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Backend;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// A plain thread in <c>Ray.Get(list)</c> with no timeout runs the list's tasks that are dispatched and not started
/// yet, and the later ones of the list handed off to it, instead of waiting for pool threads to wake; it runs
/// nothing the list does not wait for, and never more tasks at once than the CPUs allow. The runtime's dispatches
/// are held back here (<see cref="Scheduler.PoolOverride"/>), so no pool thread takes a task first.
/// </summary>
public class GetListOnWaitingThreadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Get_of_a_list_runs_its_dispatched_task_and_the_later_ones_on_the_waiting_thread()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        var held = HoldDispatches(ray);
        var runs = new ConcurrentDictionary<int, int>();
        var threadOf = Fn.Of<int, int>((i, _) =>
        {
            runs.AddOrUpdate(i, 1, (_, n) => n + 1);
            return Environment.CurrentManagedThreadId;
        });
        var refs = new List<ObjectRef<int>> { threadOf.Remote(0), threadOf.Remote(1), threadOf.Remote(2) };

        // One CPU: the first task was dispatched (and held from the pool), the other two wait for its CPU.
        Assert.Single(held);
        var (getterThread, values) = await GetOnThread(ray, held, refs);
        Assert.All(values, thread => Assert.Equal(getterThread, thread));

        RunHeld(held);
        Assert.Equal([1, 1, 1], [runs[0], runs[1], runs[2]]);
        Assert.Equal(1.0, ray.Runtime.AvailableResources()["CPU"]);
    }

    [Fact]
    public async Task Get_of_a_list_hands_a_task_it_does_not_wait_for_to_the_pool_and_stops_there()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        var held = HoldDispatches(ray);
        var secondDispatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ((LocalBackend)ray.Runtime.Backend).Scheduler.PoolOverride = task =>
        {
            held.Enqueue(task);
            if (held.Count == 2)
            {
                secondDispatch.TrySetResult();
            }
        };
        var threadOf = Fn.Of<int, int>((_, _) => Environment.CurrentManagedThreadId);
        var first = threadOf.Remote(0);
        var other = threadOf.Remote(1);
        var last = threadOf.Remote(2);

        var getter = GetOnThread(ray, held, [first, last]);

        // The getter ran the first task; the next in line is not in its list, so it went to the pool with the CPU.
        await secondDispatch.Task.WaitAsync(Patience);
        Assert.False(getter.IsCompleted);
        var runner = Environment.CurrentManagedThreadId;
        RunHeld(held);

        var (getterThread, values) = await getter;
        Assert.Equal(getterThread, values[0]);
        Assert.Equal(runner, other.Get(Patience));
        Assert.Equal(runner, values[1]);
    }

    /// <summary>Gets <paramref name="refs"/> with no timeout on a thread of its own; if that takes too long, runs what is held so the thread ends.</summary>
    private static async Task<(int Thread, int[] Values)> GetOnThread(TestRuntime ray, ConcurrentQueue<LocalTask> held, IReadOnlyList<ObjectRef<int>> refs)
    {
        var getter = new TaskCompletionSource<(int, int[])>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            using var scope = ray.Runtime.MakeCurrent();
            try
            {
                getter.SetResult((Environment.CurrentManagedThreadId, Ray.Get(refs)));
            }
            catch (Exception error)
            {
                getter.SetException(error);
            }
        });
        thread.Start();
        try
        {
            return await getter.Task.WaitAsync(Patience);
        }
        finally
        {
            if (!getter.Task.IsCompleted)
            {
                RunHeld(held);
            }

            thread.Join();
        }
    }

    /// <summary>Keeps the runtime's dispatched tasks from the pool until <see cref="RunHeld"/> runs them on this thread.</summary>
    private static ConcurrentQueue<LocalTask> HoldDispatches(TestRuntime ray)
    {
        var held = new ConcurrentQueue<LocalTask>();
        ((LocalBackend)ray.Runtime.Backend).Scheduler.PoolOverride = held.Enqueue;
        return held;
    }

    private static void RunHeld(ConcurrentQueue<LocalTask> held)
    {
        while (held.TryDequeue(out var task))
        {
            ((IThreadPoolWorkItem)task).Execute();
        }
    }
}
