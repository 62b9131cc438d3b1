using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_get_or_create_actor.py. Namespaces do not exist in one process, so the
/// <c>namespace="test"</c> round and the TypeError checks (compile-time in C#) are not ported; "same pid" is "same actor id".
/// </summary>
public sealed class TestGetOrCreateActor
{
    [Fact]
    public void test_simple()
    {
        // Ports test_get_or_create_actor.py::test_simple.
        using var ray = TestRuntime.Start(cpus: 1);
        var a = PingActor.Remote.WithOptions(new ActorOptions { Name = "x", GetIfExists = true }).New();
        var b = PingActor.Remote.WithOptions(new ActorOptions { Name = "x", GetIfExists = true }).New();
        Assert.Equal("ok", a.Ping().Get(Bounds.Must));
        Assert.Equal("ok", b.Ping().Get(Bounds.Must));
        Assert.Equal(a.Id, b.Id);

        Assert.ThrowsAny<System.ArgumentException>(() => PingActor.Remote.WithOptions(new ActorOptions { NumCpus = 1, GetIfExists = true }).New());
    }

    [Fact]
    public void test_shared_actor()
    {
        // Ports test_get_or_create_actor.py::test_shared_actor. Differs: a name is an option of the creation, not of
        // the class declaration, so both creations pass it.
        using var ray = TestRuntime.Start(cpus: 1);
        var options = new ActorOptions { Name = "x", GetIfExists = true };
        var a = PingActor.Remote.WithOptions(options).New();
        var b = PingActor.Remote.WithOptions(options).New();
        Assert.Equal("ok", a.Ping().Get(Bounds.Must));
        Assert.Equal("ok", b.Ping().Get(Bounds.Must));
        Assert.Equal(a.Id, b.Id);
    }

    [Fact]
    public void test_get_or_create_named_actor()
    {
        // Ports test_get_or_create_actor.py::test_get_or_create_named_actor.
        using var ray = TestRuntime.Start(cpus: 1);
        for (var i = 0; i < 1000; i++)
        {
            _ = PingActor.Remote.WithOptions(new ActorOptions { Name = "test-get-or-create-named-actor", GetIfExists = true, MaxRestarts = -1 }).New();
        }
    }
}
