using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>Ray's python/ray/tests/test_actor_lifetime.py: an actor dies with the actor that owns it unless it is detached.</summary>
public sealed class TestActorLifetime
{
    [Theory]
    [InlineData(null)]
    [InlineData(ActorLifetime.Detached)]
    [InlineData(ActorLifetime.NonDetached)]
    public void test_default_actor_lifetime(ActorLifetime? childActorLifetime)
    {
        // Ports test_actor_lifetime.py::test_default_actor_lifetime with no job-wide default lifetime (RaySharp has
        // no _default_actor_lifetime): SIGKILL of the owner's process is Ray.Kill, and the child's death is seen at
        // once (Ray polls for up to 5 s; the detached child is asserted alive without Ray's 4 s sleep).
        using var ray = TestRuntime.Start(cpus: 2);
        var owner = OwnerActor.Remote.New();
        var child = owner.CreateChildActor(childActorLifetime).Get(Bounds.Must);
        Assert.Equal("ok", child.Ready().Get(Bounds.Must));

        Ray.Kill(owner);
        Assert.Throws<ActorDiedException>(() => owner.Ready().Get(Bounds.Must));

        if (childActorLifetime == ActorLifetime.Detached)
        {
            Assert.Equal("ok", child.Ready().Get(Bounds.Must));
        }
        else
        {
            Assert.Throws<ActorDiedException>(() => child.Ready().Get(Bounds.Must));
        }
    }
}
