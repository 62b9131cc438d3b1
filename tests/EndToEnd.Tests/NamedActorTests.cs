using Xunit;

namespace RaySharp.EndToEnd.Tests;

public sealed class NamedActorTests
{
    [Fact]
    public void test_shared_actor_the_declared_name_namespace_and_get_if_exists_share_one_actor()
    {
        using var ray = TestRuntime.Start();

        var a = SharedActor.Remote.New();
        var b = SharedActor.Remote.New();

        Assert.Equal("ok", a.Ping().Get());
        Assert.Equal("ok", b.Ping().Get());
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(1, a.Calls().Get());
        Assert.Equal(2, b.Calls().Get());
        Assert.Equal(a.Id, Ray.GetActor<SharedActor.Handle>("x", "test").Id);
    }

    [Fact]
    public void Per_call_options_override_the_declared_namespace()
    {
        using var ray = TestRuntime.Start();

        var declared = SharedActor.Remote.New();
        var elsewhere = SharedActor.Remote.WithOptions(new ActorOptions { Namespace = "other" }).New();

        Assert.NotEqual(declared.Id, elsewhere.Id);
        Assert.Equal(elsewhere.Id, Ray.GetActor<SharedActor.Handle>("x", "other").Id);
    }
}
