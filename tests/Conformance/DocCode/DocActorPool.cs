using System.Linq;
using RaySharp.Conformance.Support;
using RaySharp.Util;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/doc_code/actor-pool.py.</summary>
public sealed class DocActorPool
{
    [Fact]
    public void actor_pool()
    {
        // Ports doc_code/actor-pool.py.
        using var ray = TestRuntime.Start(cpus: 2);
        var (a1, a2) = (PoolActor.Remote.New(), PoolActor.Remote.New());
        var pool = new ActorPool<PoolActor.Handle>([a1, a2]);
        var gen = pool.Map((a, v) => a.Double(v), [1, 2, 3, 4]);
        Assert.Equal([2, 4, 6, 8], gen.ToList());
    }
}
