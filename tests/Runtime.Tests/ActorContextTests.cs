using System;
using System.Collections.Generic;
using System.Linq;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>What an actor's own code learns from <see cref="RuntimeContext"/>, and the fate it shares with the actor that created it.</summary>
public sealed class ActorContextTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void An_actor_gets_a_typed_handle_to_itself()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog());

        var self = actor.Run((_, _) => Ray.GetRuntimeContext().GetCurrentActor<ProbeHandle>()).Get(Patience);
        var untyped = actor.Run((_, _) => Ray.GetRuntimeContext().CurrentActor).Get(Patience);

        Assert.Equal(actor, self);
        Assert.IsType<ProbeHandle>(untyped);
        Assert.Equal(actor.Id, untyped!.Id);
        Assert.Equal(7, self.Run((p, _) => p.Counter = 7).Get(Patience));
        Assert.Equal(7, actor.Run((p, _) => p.Counter).Get(Patience));
    }

    [Fact]
    public void Asking_for_the_current_actor_outside_an_actor_or_with_the_wrong_handle_type_fails()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog());

        Assert.Null(Ray.GetRuntimeContext().CurrentActor);
        Assert.Contains("outside an actor", Assert.Throws<InvalidOperationException>(() => Ray.GetRuntimeContext().GetCurrentActor<ProbeHandle>()).Message);
        var wrongType = actor.Run((_, _) => Ray.GetRuntimeContext().GetCurrentActor<CounterHandle>());
        var error = Assert.Throws<RayTaskException>(() => wrongType.Get(Patience));
        Assert.Contains("not CounterHandle", error.InnerException!.Message);
    }

    [Fact]
    public void The_actor_name_is_its_name_empty_when_unnamed_and_null_outside_actors()
    {
        using var ray = TestRuntime.Start();
        var named = ProbeHandle.New(new ProbeLog(), new ActorOptions { Name = "probe" });
        var unnamed = ProbeHandle.New(new ProbeLog());

        Assert.Equal("probe", named.Run((_, _) => Ray.GetRuntimeContext().ActorName).Get(Patience));
        Assert.Equal(string.Empty, unnamed.Run((_, _) => Ray.GetRuntimeContext().ActorName).Get(Patience));
        Assert.Null(Fn.Of(_ => Ray.GetRuntimeContext().ActorName).Remote().Get(Patience));
        Assert.Null(Ray.GetRuntimeContext().ActorName);
    }

    [Fact]
    public void An_actor_knows_it_was_reconstructed_after_a_restart()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxRestarts = 1 });
        Assert.False(actor.Run((_, _) => Ray.GetRuntimeContext().WasCurrentActorReconstructed).Get(Patience));

        Ray.Kill(actor, noRestart: false);

        Assert.True(actor.Run((_, _) => Ray.GetRuntimeContext().WasCurrentActorReconstructed).Get(Patience));
        Assert.False(Ray.GetRuntimeContext().WasCurrentActorReconstructed);
    }

    [Fact]
    public void An_actor_call_reports_the_actors_resources_not_a_cpu_of_its_own()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 4, NumGpus = 1 });
        var plain = ProbeHandle.New(new ProbeLog());
        var withGpu = ProbeHandle.New(new ProbeLog(), new ActorOptions { NumGpus = 1 });

        Assert.Equal(string.Empty, plain.Run((_, _) => Describe(Ray.GetRuntimeContext().AssignedResources)).Get(Patience));
        Assert.Equal("GPU=1", withGpu.Run((_, _) => Describe(Ray.GetRuntimeContext().AssignedResources)).Get(Patience));
        Assert.Equal(0, withGpu.Run((_, _) => Ray.GetGpuIds().Single()).Get(Patience));
    }

    [Fact]
    public void An_actor_created_by_an_actor_dies_with_it_unless_detached()
    {
        using var ray = TestRuntime.Start();
        var owner = ProbeHandle.New(new ProbeLog());
        var (child, detached) = owner.Run((_, _) => (ProbeHandle.New(new ProbeLog()), ProbeHandle.New(new ProbeLog(), new ActorOptions { Lifetime = ActorLifetime.Detached }))).Get(Patience);
        Assert.Equal(1, child.Run((p, _) => p.Incarnation).Get(Patience));

        Ray.Kill(owner);

        var error = Assert.Throws<ActorDiedException>(() => child.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Contains("owner", error.Message);
        Assert.Contains("Detached", error.Message);
        Assert.Equal(1, detached.Run((p, _) => p.Incarnation).Get(Patience));
    }

    [Fact]
    public void An_owned_actor_dies_when_its_owner_restarts_and_actors_of_tasks_and_the_driver_live_on()
    {
        using var ray = TestRuntime.Start();
        var owner = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxRestarts = 1 });
        var child = owner.Run((_, _) => ProbeHandle.New(new ProbeLog())).Get(Patience);
        var ofTask = Fn.Of(_ => ProbeHandle.New(new ProbeLog())).Remote().Get(Patience);
        var ofDriver = ProbeHandle.New(new ProbeLog());

        Ray.Kill(owner, noRestart: false);

        Assert.Throws<ActorDiedException>(() => child.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(2, owner.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(1, ofTask.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(1, ofDriver.Run((p, _) => p.Incarnation).Get(Patience));
    }

    private static string Describe(IReadOnlyDictionary<string, double> resources) =>
        string.Join(";", resources.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => FormattableString.Invariant($"{kv.Key}={kv.Value}")));
}
