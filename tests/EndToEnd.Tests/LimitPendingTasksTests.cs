using System;
using System.Collections.Generic;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

/// <summary>Ray's doc example doc/source/ray-core/doc_code/limit_pending_tasks.py, with the generated actor stubs.</summary>
public sealed class LimitPendingTasksTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void with_backpressure()
    {
        // Ports "__with_backpressure_start__": a List of refs reassigned from Ray.Wait, then refs.Add(next).
        using var ray = TestRuntime.Start();
        var actor = Counter.Remote.New();
        const int NumTasks = 1000;
        const int MaxNumPendingTasks = 100;
        var resultRefs = new List<ObjectRef<int>>();
        var done = 0;
        var mostPending = 0;

        for (var i = 0; i < NumTasks; i++)
        {
            if (resultRefs.Count > MaxNumPendingTasks)
            {
                // Update resultRefs to only track the remaining tasks.
                (var readyRefs, resultRefs) = Ray.Wait(resultRefs, numReturns: 1, timeout: s_timeout);
                done += Ray.Get(readyRefs, s_timeout).Length;
            }

            resultRefs.Add(actor.AddLaterAsync(1));
            mostPending = Math.Max(mostPending, resultRefs.Count);
        }

        done += Ray.Get(resultRefs, s_timeout).Length;

        Assert.Equal(NumTasks, done);
        Assert.Equal(MaxNumPendingTasks + 1, mostPending);
        Assert.Equal(NumTasks, actor.Get().Get(s_timeout));
    }
}
