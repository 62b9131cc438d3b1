using System.Collections.Generic;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/doc_code/actor_restart.py (Actor fault tolerance page).</summary>
public sealed class DocActorRestart
{
    [Fact]
    public void actor_restart()
    {
        // Ports doc_code/actor_restart.py (os._exit is ActorCrashException).
        using var ray = TestRuntime.Start(cpus: 1);
        var actor = SelfKillingActor.Remote.New();

        var counters = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            counters.Add(actor.IncrementAndPossiblyFail().Get(Bounds.Must));
        }

        var expected = new List<int>();
        for (var round = 0; round < 5; round++)
        {
            for (var n = 1; n <= 10; n++)
            {
                expected.Add(n);
            }
        }

        Assert.Equal(expected, counters);

        for (var i = 0; i < 10; i++)
        {
            Assert.Throws<ActorDiedException>(() => actor.IncrementAndPossiblyFail().Get(Bounds.Must));
        }
    }
}
