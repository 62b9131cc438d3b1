using System;
using System.Runtime.CompilerServices;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Named actors, namespaces, get-if-exists and detached lifetime, ported from Ray's python/ray/tests/test_namespace.py
/// and test_get_or_create_actor.py where they apply to one process (one runtime stands in for one job).
/// </summary>
public sealed class NamedActorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void test_isolation_names_are_unique_per_namespace()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Namespace = "namespace" });
        var other = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger", Namespace = "different", Lifetime = ActorLifetime.Detached });

        var probe = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger" });

        Assert.Equal(probe.Id, Ray.GetActor<ProbeHandle>("Pinger").Id);
        Assert.Equal(probe.Id, Ray.GetActor<ProbeHandle>("Pinger", "namespace").Id);
        Assert.Equal(other.Id, Ray.GetActor<ProbeHandle>("Pinger", "different").Id);
        var taken = Assert.Throws<ArgumentException>(() =>
            ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger", Lifetime = ActorLifetime.Detached }));
        Assert.Contains("already exists in namespace 'namespace'", taken.Message);
    }

    [Fact]
    public void test_isolation_a_name_freed_in_one_namespace_stays_taken_in_another()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Namespace = "namespace" });
        var other = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger", Namespace = "different" });
        var probe = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger" });

        Ray.Kill(probe);

        var missing = Assert.Throws<ArgumentException>(() => Ray.GetActor<ProbeHandle>("Pinger"));
        Assert.Contains("No actor named 'Pinger' exists in namespace 'namespace'", missing.Message);
        Assert.Equal(other.Id, Ray.GetActor<ProbeHandle>("Pinger", "different").Id);
    }

    [Fact]
    public void test_namespace_in_job_config_the_runtime_namespace_is_the_default()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Namespace = "namespace" });
        var created = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger", Namespace = "namespace", Lifetime = ActorLifetime.Detached });

        Assert.Equal(created.Id, Ray.GetActor<ProbeHandle>("Pinger").Id);
        Assert.Equal(1, Ray.GetActor<ProbeHandle>("Pinger").Run((p, _) => p.Incarnation).Get(Patience));
    }

    [Fact]
    public void Without_a_runtime_namespace_names_live_in_its_anonymous_one()
    {
        using var ray = TestRuntime.Start();
        var anonymous = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger" });
        var named = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "Pinger", Namespace = "n" });

        Assert.Equal(anonymous.Id, Ray.GetActor<ProbeHandle>("Pinger").Id);
        Assert.Equal(named.Id, Ray.GetActor<ProbeHandle>("Pinger", "n").Id);
        Assert.Contains("anonymous namespace", Assert.Throws<ArgumentException>(() => Ray.GetActor<ProbeHandle>("Other")).Message);
    }

    [Fact]
    public void test_namespace_validation()
    {
        Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { Namespace = "" }));
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Namespace = "abc" });

        Assert.Throws<ArgumentException>(() => ProbeHandle.New(new ProbeLog(), new ActorOptions { Namespace = "" }));
        var a = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "a", Namespace = "test", Lifetime = ActorLifetime.Detached });
        Assert.Throws<ArgumentException>(() => Ray.GetActor<ProbeHandle>("a", ""));
        Assert.Equal(a.Id, Ray.GetActor<ProbeHandle>("a", "test").Id);
    }

    [Fact]
    public void test_simple_get_if_exists_returns_the_running_actor()
    {
        using var ray = TestRuntime.Start(1);

        foreach (var ns in new[] { null, "test" })
        {
            var options = new ActorOptions { Name = "x", Namespace = ns, GetIfExists = true };
            var a = ProbeHandle.New(new ProbeLog(), options);
            var b = ProbeHandle.New(new ProbeLog(), options);

            Assert.Equal(a.Id, b.Id);
            Assert.Equal(1, b.Run((p, _) => p.Incarnation).Get(Patience));
        }

        var unnamed = Assert.Throws<ArgumentException>(() => ProbeHandle.New(new ProbeLog(), new ActorOptions { NumCpus = 1, GetIfExists = true }));
        Assert.Contains("needs a Name", unnamed.Message);
    }

    [Fact]
    public void test_get_or_create_named_actor()
    {
        using var ray = TestRuntime.Start();
        var first = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "test-get-or-create-named-actor", GetIfExists = true, MaxRestarts = -1 });

        for (var i = 0; i < 200; i++)
        {
            var again = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "test-get-or-create-named-actor", GetIfExists = true, MaxRestarts = -1 });
            Assert.Equal(first.Id, again.Id);
        }
    }

    [Fact]
    public void A_detached_actor_lives_without_handles()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        var (weak, id) = CreateDetachedAndDrop(log);

        for (var i = 0; i < 50 && IsAlive(weak); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Its last handle was finalized, which ends an attached actor at once; a detached one answers a new handle.
        Assert.False(IsAlive(weak));
        var again = ProbeHandle.FromId(id);
        Assert.True(ray.Runtime.Backend.TryBind(again, null));
        Assert.Equal(1, again.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(0, log.Disposed);
    }

    /// <summary>In a method of its own, so no stack slot of the test keeps the target alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference<ProbeHandle> weak) => weak.TryGetTarget(out _);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference<ProbeHandle> Handle, ActorId Id) CreateDetachedAndDrop(ProbeLog log)
    {
        var actor = ProbeHandle.New(log, new ActorOptions { Lifetime = ActorLifetime.Detached });
        actor.Run((_, _) => 0).Get(Patience); // alive: an actor still being created is never ended for lack of handles
        return (new WeakReference<ProbeHandle>(actor), actor.Id);
    }
}
