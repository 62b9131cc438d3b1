using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_basic_3.py. Its newest stored copy holds test_auto_global_gc and
/// test_many_fractional_resources; test_fair_queueing, test_actor_killing and test_actor_scheduling come from its
/// older copy (later moved to other files of Ray).
/// </summary>
public sealed partial class TestBasic3
{
    [RayRemote]
    public static int G() => 1;

    /// <summary>
    /// test_many_fractional_resources's <c>f</c>: whether the resources the task holds equal
    /// <paramref name="names"/>/<paramref name="amounts"/> (Ray's <c>dicts_equal</c>, to 1e-4).
    /// </summary>
    [RayRemote]
    public static bool F(bool block, string[] names, double[] amounts)
    {
        var trueResources = Ray.GetRuntimeContext().AssignedResources;
        if (block)
        {
            Remote.G().Get(Bounds.Must);
        }

        return trueResources.Count == names.Length
            && names.Zip(amounts).All(p => trueResources.TryGetValue(p.First, out var v) && Math.Abs(v - p.Second) <= 1e-4);
    }

    [RayRemote]
    public static int H() => 0;

    [RayRemote]
    public static int FairG() => Remote.H().Get(Bounds.Must);

    [RayRemote]
    public static int FairF() => Remote.FairG().Get(Bounds.Must);

    [Fact]
    public void test_many_fractional_resources()
    {
        // Ports test_basic_3.py::test_many_fractional_resources: ray.worker.get_resource_ids() is AssignedResources.
        // The random amounts are drawn from [0.0001, 1) with a fixed seed: below 0.0001 a request is an
        // ArgumentException in RaySharp and Ray alike, and numpy's uniform draw could give one.
        using var ray = TestRuntime.Start(cpus: 2, gpus: 2, ("Custom", 2));
        var random = new Random(19);
        double Draw() => 0.0001 + (random.NextDouble() * 0.9999);
        static double Cut(double amount) => Math.Truncate(amount * 10000) / 10000;

        var resultIds = new List<ObjectRef<bool>>();
        for (var i = 0; i < 100; i++)
        {
            var (rand1, rand2, rand3) = (Draw(), Draw(), Draw());
            resultIds.Add(Remote.WithOptions(new TaskOptions { NumCpus = rand1 }).F(false, ["CPU"], [Cut(rand1)]));
            resultIds.Add(Remote.WithOptions(new TaskOptions { NumGpus = rand1 }).F(false, ["CPU", "GPU"], [1, Cut(rand1)]));
            resultIds.Add(Remote.WithOptions(new TaskOptions { Resources = new Dictionary<string, double> { ["Custom"] = rand1 } })
                .F(false, ["CPU", "Custom"], [1, Cut(rand1)]));

            var all = new TaskOptions { NumCpus = rand1, NumGpus = rand2, Resources = new Dictionary<string, double> { ["Custom"] = rand3 } };
            string[] names = ["CPU", "GPU", "Custom"];
            double[] amounts = [Cut(rand1), Cut(rand2), Cut(rand3)];
            resultIds.Add(Remote.WithOptions(all).F(false, names, amounts));
            resultIds.Add(Remote.WithOptions(all).F(true, names, amounts));
        }

        Assert.All(Ray.Get(resultIds, Bounds.Must), accepted => Assert.True(accepted));

        // The available resources at the end are the same as at the beginning.
        var clock = Stopwatch.StartNew();
        while (!(Available("CPU") == 2.0 && Available("GPU") == 2.0 && Available("Custom") == 2.0))
        {
            Assert.True(clock.Elapsed < Bounds.Must, "Did not get correct available resources.");
            System.Threading.Thread.Yield();
        }
    }

    [Fact]
    public void test_fair_queueing()
    {
        // Ports test_basic_3.py::test_fair_queueing (older copy): 1000 chains f -> g -> h on one CPU all finish (Ray
        // issue 3644); Ray's 60 s bound is Bounds.Must.
        using var ray = TestRuntime.Start(cpus: 1);

        var (ready, _) = Ray.Wait(Enumerable.Range(0, 1000).Select(_ => Remote.FairF()).ToList(), numReturns: 1000, timeout: Bounds.Must);

        Assert.Equal(1000, ready.Count);
    }

    [Fact]
    public void test_actor_killing()
    {
        // Ports test_basic_3.py::test_actor_killing (older copy): an actor killed right after creation gives back its
        // CPU, and a restart (no_restart=False) keeps it usable until max_restarts is used up.
        using var ray = TestRuntime.Start(cpus: 1);
        var worker1 = CpuHoldingActor.Remote.New();
        Ray.Kill(worker1);
        var worker2 = CpuHoldingActor.Remote.New();
        Assert.Null(worker2.Foo().Get(Bounds.Must));
        Ray.Kill(worker2);

        worker1 = CpuHoldingActor.Remote.WithOptions(new ActorOptions { MaxRestarts = 1 }).New();
        Ray.Kill(worker1, noRestart: false);
        Assert.Null(worker1.Foo().Get(Bounds.Must));

        Ray.Kill(worker1, noRestart: false);
        worker2 = CpuHoldingActor.Remote.New();
        Assert.Null(worker2.Foo().Get(Bounds.Must));
    }

    [Fact]
    public void test_actor_scheduling()
    {
        // Ports test_basic_3.py::test_actor_scheduling (older copy): a call after the actor exited raises.
        using var ray = TestRuntime.Start();
        var a = ExitingActor.Remote.New();
        _ = a.RunFail();

        Assert.Throws<ActorDiedException>(() => Ray.Get([a.Get()], Bounds.Must));
    }

    private static double Available(string resource) =>
        Ray.AvailableResources().TryGetValue(resource, out var amount) ? amount : double.NaN;
}
