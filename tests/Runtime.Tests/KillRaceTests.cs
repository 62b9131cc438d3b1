using System;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// The Coyote race <c>An_actor_call_races_with_Kill_and_the_restart</c> (tests/Coyote) as a plain stress loop: the
/// same scenario many times on real threads, every wait bounded.
/// </summary>
public sealed class KillRaceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Calls_racing_with_a_restarting_Kill_all_end_and_a_later_call_runs()
    {
        for (var round = 0; round < 1000; round++)
        {
            using var ray = TestRuntime.Start(numCpus: 1);
            var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxRestarts = 1 });
            var before = actor.Run((p, _) => ++p.Counter);
            var kill = Task.Run(() => Ray.Kill(actor, noRestart: false));
            var during = actor.Run((p, _) => ++p.Counter);
            await kill.WaitAsync(Patience);
            var after = actor.Run((p, _) => ++p.Counter);

            foreach (var call in new[] { before, during })
            {
                var outcome = await Outcome(call).WaitAsync(Patience);
                Assert.True(outcome is >= 1 or -1, $"round {round}: a call ended as {outcome}");
            }

            Assert.True(await Outcome(after).WaitAsync(Patience) >= 1, $"round {round}: a call after the kill did not run on the restarted actor");
        }
    }

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
