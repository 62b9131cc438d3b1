using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// The tutorial the product is modelled on, at the runtime level: ten tasks sleeping id/10 s each (4.5 s serially).
/// The sleeps stand for the tutorial's work; only the parallelism test reads the clock, which is why the class runs in
/// the timing collection.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class SeedScenarioTests
{
    private static readonly string[] ReferenceData = ["Fast", "and", "Simple", "Distributed", "Computing"];

    private static readonly Fn<int, string[], (int, int, string)> GetRefDatum = Fn.Of<int, string[], (int, int, string)>((id, data, _) =>
    {
        Thread.Sleep(id * 100);
        return (id, 2 * id, data[id % 5]);
    }, name: "Tests.GetRefDatum");

    private static IEnumerable<(int, int, string)> Expected =>
        Enumerable.Range(0, 10).Select(id => (id, 2 * id, ReferenceData[id % 5]));

    [Theory]
    [InlineData(8, 1.0)]
    [InlineData(10, 0.9)]
    public void Ten_tasks_run_in_parallel_and_return_the_data_in_order(double cpus, double idealSeconds)
    {
        using var ray = TestRuntime.Start(numCpus: cpus);
        var data = Ray.Put(ReferenceData);
        var clock = Stopwatch.StartNew();

        var results = Ray.Get(Enumerable.Range(0, 10).Select(id => GetRefDatum.Remote(id, data)).ToList());

        Assert.Equal(Expected, results);
        // Generous on purpose (this machine may be saturated): run serially the ten would take 4.5 s, two at a time 2.5 s.
        Assert.InRange(clock.Elapsed.TotalSeconds, idealSeconds - 0.05, idealSeconds + 3);
    }

    [Fact]
    public void A_wait_loop_returns_results_in_completion_order()
    {
        using var ray = TestRuntime.Start(numCpus: 10);
        var data = Ray.Put(ReferenceData);
        var gates = Enumerable.Range(0, 10).Select(_ => new Gate()).ToArray();
        var gated = Fn.Of<int, string[], (int, int, string)>((id, d, ct) =>
        {
            gates[id].Pass(ct); // where the tutorial sleeps id/10 s, the test decides when each task finishes
            return (id, 2 * id, d[id % 5]);
        });
        IReadOnlyList<ObjectRef<(int, int, string)>> refs = Enumerable.Range(0, 10).Select(id => gated.Remote(id, data)).ToList();
        var finishOrder = new[] { 3, 0, 9, 1, 8, 2, 7, 4, 6, 5 };
        var arrivals = new List<(int, int, string)>();

        foreach (var id in finishOrder)
        {
            gates[id].Open();
            (var ready, refs) = Ray.Wait(refs, numReturns: 1, timeout: TimeSpan.FromSeconds(30));
            arrivals.Add(Assert.Single(ready).Get());
        }

        Assert.Equal(finishOrder.Select(id => (id, 2 * id, ReferenceData[id % 5])), arrivals);
        Assert.Empty(refs);
        Array.ForEach(gates, gate => gate.Dispose());
    }
}
