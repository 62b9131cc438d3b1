using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RaySharp.Cluster.Transport;
using Xunit;

namespace RaySharp.Cluster.Tests;

public sealed class OutboxTests
{
    private const int ThreeMiB = 3 << 20;

    [Fact]
    public async Task A_batch_stops_at_its_byte_limit_so_large_specs_never_make_one_giant_message()
    {
        var batches = await SendWhileTheFirstCallIsOnItsWay([1, 2, 3, 4, 5, 6], static _ => ThreeMiB);

        // 3 MiB items: a batch takes items until it holds 8 MiB or more, so three at most (9 MiB), never all five.
        Assert.Equal([[1], [2, 3, 4], [5, 6]], batches);
    }

    [Fact]
    public async Task An_item_larger_than_the_limit_goes_alone_and_the_small_ones_after_it_still_share_a_batch()
    {
        var batches = await SendWhileTheFirstCallIsOnItsWay([1, 2, 3, 4], static item => item == 2 ? Outbox<int>.MaxBatchBytes * 2 : 1);

        Assert.Equal([[1], [2], [3, 4]], batches);
    }

    /// <summary>Posts the first item, holds its grain call until the rest are queued, then collects every batch sent.</summary>
    private static async Task<List<int[]>> SendWhileTheFirstCallIsOnItsWay(int[] items, Func<int, int> sizeOf)
    {
        var firstCallLeft = new TaskCompletionSource();
        var firstCallReturns = new TaskCompletionSource();
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int[]>();
        var count = 0;
        var outbox = new Outbox<int>(
            batch =>
            {
                lock (batches)
                {
                    batches.Add([.. batch]);
                    count += batch.Count;
                    if (count == items.Length)
                    {
                        allSent.SetResult();
                    }
                }

                if (batches.Count == 1)
                {
                    firstCallLeft.SetResult();
                    return firstCallReturns.Task; // the next items queue while this call is on its way
                }

                return Task.CompletedTask;
            },
            static (_, error) => throw new InvalidOperationException("no batch fails here", error),
            sizeOf);

        outbox.Post(items[0]);
        await firstCallLeft.Task.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var item in items[1..])
        {
            outbox.Post(item);
        }

        firstCallReturns.SetResult();
        await allSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return batches;
    }
}
