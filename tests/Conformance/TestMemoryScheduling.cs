using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>Ray's python/ray/tests/test_memory_scheduling.py: the <c>memory</c> resource.</summary>
public sealed class TestMemoryScheduling
{
    [Fact]
    public void test_memory_request()
    {
        // Ports test_memory_scheduling.py::test_memory_request. Differs: the memory is a per-creation option
        // (attributes carry no memory yet), and the third actor is probed for 0.1 s instead of Ray's 5 s.
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 1, Memory = 200 * MemoryActor.MB });
        var withMemory = MemoryActor.Remote.WithOptions(new ActorOptions { Memory = 100 * MemoryActor.MB });

        // fits first 2
        var a = withMemory.New();
        var b = withMemory.New();
        var (ok, _) = Ray.Wait([a.Ping(), b.Ping()], numReturns: 2, timeout: Bounds.Must);
        Assert.Equal(2, ok.Count);

        // does not fit
        var c = withMemory.New();
        (ok, _) = Ray.Wait([c.Ping()], timeout: Bounds.Probe);
        Assert.Empty(ok);
    }
}
