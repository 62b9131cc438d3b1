using System.Threading.Tasks;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace RaySharp.Coyote;

/// <summary>Actor calls racing with <c>Ray.Kill</c> and the restart it starts, explored by Coyote.</summary>
public static class ActorRaces
{
    /// <summary>
    /// Calls before, during and after a kill that restarts the actor: each ends, as a count or
    /// <see cref="ActorDiedException"/>, and a call made after the kill returned runs on the new incarnation.
    /// </summary>
    [Test]
    public static async Task An_actor_call_races_with_Kill_and_the_restart()
    {
        ControlledWork.Install();
        using var runtime = RaceRuntime.Start();
        using var scope = runtime.MakeCurrent();
        var actor = Counter.Remote.WithOptions(new ActorOptions { MaxRestarts = 1 }).New();
        var before = actor.Increment();
        var kill = Task.Run(() => Ray.Kill(actor, noRestart: false));
        var during = actor.Increment();
        await kill;
        var after = actor.Increment();

        foreach (var (name, call) in new[] { ("before", before), ("during", during) })
        {
            var outcome = await Outcome(call);
            Specification.Assert(outcome is >= 1 or -1, $"the call {name} the kill ended as {outcome}");
        }

        Specification.Assert(await Outcome(after) >= 1, "a call after the kill did not run on the restarted actor");
    }

    /// <summary>A count, or -1 when the actor died under the call.</summary>
    private static async Task<int> Outcome(ObjectRef<int> call)
    {
        try
        {
            return await call.GetAsync();
        }
        catch (ActorDiedException)
        {
            return -1;
        }
    }
}
