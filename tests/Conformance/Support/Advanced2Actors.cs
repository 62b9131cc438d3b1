using System;

namespace RaySharp.Conformance.Support;

/// <summary>test_advanced_2.py::test_gpu_ids's <c>Actor0</c>: no GPU, in the constructor and in calls.</summary>
[RayRemote]
public sealed partial class GpuActor0
{
    private readonly int _x;

    public GpuActor0()
    {
        Check(Ray.GetGpuIds().Count == 0);
        _x = 1;
    }

    public int Test()
    {
        Check(Ray.GetGpuIds().Count == 0);
        return _x;
    }

    internal static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("unexpected GPU ids: [" + string.Join(",", Ray.GetGpuIds()) + "]");
        }
    }
}

/// <summary>test_advanced_2.py::test_gpu_ids's <c>Actor1</c>: one GPU, the same in the constructor and in calls.</summary>
[RayRemote(NumGpus = 1)]
public sealed partial class GpuActor1
{
    private readonly int _x;

    public GpuActor1()
    {
        GpuActor0.Check(Ray.GetGpuIds().Count == 1);
        _x = 1;
    }

    public int Test()
    {
        GpuActor0.Check(Ray.GetGpuIds().Count == 1);
        return _x;
    }
}

/// <summary>test_advanced_2.py::test_fractional_resources's <c>Foo1</c>.</summary>
[RayRemote(NumGpus = 0.5)]
public sealed partial class HalfGpuActor
{
    public int Method()
    {
        var gpuIds = Ray.GetGpuIds();
        GpuActor0.Check(gpuIds.Count == 1);
        return gpuIds[0];
    }
}

/// <summary>test_advanced_2.py::test_fractional_resources's <c>Foo2</c>.</summary>
[RayRemote]
public sealed partial class FractionalActor
{
    public int Method() => 0;
}
