using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/doc_code/actor_creator_failure.py (Actor fault tolerance page, "Actor creator failure").</summary>
public sealed class DocActorCreatorFailure
{
    [Fact]
    public void actor_creator_failure()
    {
        // Ports doc_code/actor_creator_failure.py: the SIGKILL of the parent's process is Ray.Kill, and the printed
        // outcomes become assertions (the child, owned by the parent, is dead; the detached actor answers).
        using var ray = TestRuntime.Start(cpus: 1);
        var parent = CreatorFailureParent.Remote.New();
        var (actor, detachedActor) = parent.GenerateActors().Get(Bounds.Must);

        Ray.Kill(parent);

        Assert.Throws<ActorDiedException>(() => actor.Ping().Get(Bounds.Must));
        Assert.Equal("hello", detachedActor.Ping().Get(Bounds.Must));
    }
}
