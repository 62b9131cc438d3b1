using System;
using System.Collections.Generic;
using System.Linq;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>GPUs as numbered whole units (<see cref="Ray.GetGpuIds"/>) and the <c>memory</c> resource.</summary>
public sealed class GpuAndMemoryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Whole_gpu_requests_get_distinct_numbers_and_give_them_back()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 4, NumGpus = 3 });
        var gate = new Gate();
        var holdOne = Fn.Of(_ => { gate.Pass(); return Ray.GetGpuIds().ToArray(); }, new TaskOptions { NumGpus = 1 });
        var two = Fn.Of(_ => Ray.GetGpuIds().ToArray(), new TaskOptions { NumGpus = 2 });

        var held = holdOne.Remote();
        var pair = two.Remote().Get(Patience);
        gate.Open();

        Assert.Equal(2, pair.Length);
        Assert.Single(held.Get(Patience));
        Assert.Equal(new[] { 0, 1, 2 }, pair.Concat(held.Get(Patience)).Order());
        Assert.Equal(new[] { 0, 1 }, two.Remote().Get(Patience));
        Assert.Equal(3, ray.Runtime.AvailableResources()["GPU"]);
    }

    [Fact]
    public void Fractional_requests_share_a_gpu_and_a_fraction_above_one_is_rejected()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 4, NumGpus = 2 });
        var half = Fn.Of(_ => Ray.GetGpuIds().Single(), new TaskOptions { NumGpus = 0.5, NumCpus = 0 });

        Assert.InRange(half.Remote().Get(Patience), 0, 1);
        var error = Assert.Throws<ArgumentException>(() => half.Remote(new TaskOptions { NumGpus = 1.5 }));
        Assert.Contains("whole number", error.Message);
        Assert.Throws<ArgumentException>(() => ProbeHandle.New(new ProbeLog(), new ActorOptions { NumGpus = 2.5 }));
    }

    [Fact]
    public void The_driver_and_tasks_without_gpus_see_no_gpu_numbers()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, NumGpus = 1 });

        Assert.Empty(Ray.GetGpuIds());
        Assert.Empty(Fn.Of(_ => Ray.GetGpuIds().ToArray()).Remote().Get(Patience));
    }

    [Fact]
    public void Memory_is_a_resource_that_tasks_and_actors_reserve()
    {
        const long MiB = 1024 * 1024;
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Memory = 200 * MiB });
        Assert.Equal(200.0 * MiB, ray.Runtime.ClusterResources()["memory"]);

        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { Memory = 150 * MiB });
        Assert.Equal(150.0 * MiB, actor.Run((_, _) => Ray.GetRuntimeContext().AssignedResources["memory"]).Get(Patience));
        Assert.Equal(50.0 * MiB, ray.Runtime.AvailableResources()["memory"]);

        var tooBig = Fn.Of(_ => 1, new TaskOptions { Memory = 300 * MiB }, name: "Tests.TooBig");
        var error = Assert.Throws<TaskUnschedulableException>(() => tooBig.Remote().Get(Patience));
        Assert.Contains("memory", error.Message);
        Assert.Throws<ArgumentException>(() => tooBig.Remote(new TaskOptions { Memory = -1 }));
    }

    [Fact]
    public void The_default_memory_is_what_is_left_beside_the_object_store()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 1, ObjectStoreMemory = 100 * 1024 * 1024 });

        var expected = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - (100 * 1024 * 1024);
        Assert.Equal(expected, ray.Runtime.ClusterResources()["memory"], tolerance: 1);
        Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { Memory = -1 }).Dispose());
    }
}
