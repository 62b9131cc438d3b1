using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>The tutorial the product is modelled on, at the runtime level: ten tasks sleeping id/10 s each (4.5 s serially).</summary>
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
        Assert.InRange(clock.Elapsed.TotalSeconds, idealSeconds - 0.05, idealSeconds + 1.5);
    }

    [Fact]
    public void A_wait_loop_returns_results_in_completion_order()
    {
        using var ray = TestRuntime.Start(numCpus: 10);
        var data = Ray.Put(ReferenceData);
        IReadOnlyList<ObjectRef<(int, int, string)>> refs = Enumerable.Range(0, 10).Select(id => GetRefDatum.Remote(id, data)).ToList();
        var arrivals = new List<((int, int, string) Value, double Seconds)>();
        var clock = Stopwatch.StartNew();

        while (refs.Count > 0)
        {
            (var ready, refs) = Ray.Wait(refs, numReturns: 1, timeout: TimeSpan.FromSeconds(5));
            arrivals.Add((ready[0].Get(), clock.Elapsed.TotalSeconds));
        }

        Assert.Equal(Expected, arrivals.Select(a => a.Value));
        Assert.InRange(arrivals[^1].Seconds - arrivals[0].Seconds, 0.6, 2.5);
    }
}
