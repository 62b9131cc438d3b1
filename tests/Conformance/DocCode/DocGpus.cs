using System.Diagnostics;
using System.Linq;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/doc_code/gpus.py (Accelerator support page), the parts that need no GPU library.</summary>
public sealed partial class DocGpus
{
    [RayRemote(NumGpus = 1)]
    public static int[] UseGpu() => [.. Ray.GetGpuIds()];

    [RayRemote(NumGpus = 0.25)]
    public static int F(SignalActor.Handle signal) => signal.Wait().Get(Bounds.Must);

    [Fact]
    public void get_gpu_ids()
    {
        // Ports gpus.py's __get_gpu_ids__ block: the printed ids become assertions (no CUDA_VISIBLE_DEVICES is set).
        using var ray = TestRuntime.Start(cpus: 4, gpus: 2);
        var gpuActor = GPUActor.Remote.New();
        Assert.Equal([0], gpuActor.Ping().Get(Bounds.Must));
        // The actor uses the first GPU so the task will use the second one.
        Assert.Equal([1], Remote.UseGpu().Get(Bounds.Must));
    }

    [Fact]
    public void fractional_gpus()
    {
        // Ports gpus.py's __fractional_gpus__ block: where Ray sleeps 1 s in each task, the four tasks wait on one
        // signal, sent once all four hold their quarter of the GPU at the same time (a bounded poll).
        using var ray = TestRuntime.Start(cpus: 4, gpus: 1);
        var signal = SignalActor.Remote.New();
        var tasks = Enumerable.Range(0, 4).Select(_ => Remote.F(signal)).ToList();
        var clock = Stopwatch.StartNew();
        while (Ray.AvailableResources()["GPU"] != 0)
        {
            Assert.True(clock.Elapsed < Bounds.Must, "The four tasks did not run at the same time.");
            System.Threading.Thread.Yield();
        }

        signal.Send(false).Get(Bounds.Must);
        Ray.Get(tasks, Bounds.Must);
    }

    [Fact]
    public void fractional_gpus_packing()
    {
        // Ports gpus.py's __fractional_gpus_packing__ block: Ray packs fractional actors onto GPUs.
        using var ray = TestRuntime.Start(cpus: 4, gpus: 3);
        var fractionalGpuActors = Enumerable.Range(0, 3).Select(_ => FractionalGPUActor.Remote.New()).ToList();
        var ids = fractionalGpuActors.Select(a => a.Ping().Get(Bounds.Must).Single()).ToList();
        Assert.Equal([0, 0, 1], ids);
    }
}
