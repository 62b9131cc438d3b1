using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace RaySharp.Coyote;

/// <summary>
/// The blocking <c>Get</c> and <c>Ray.Wait</c> racing with the task's completion and its cancellation. In the Coyote
/// build of the runtime a blocking wait parks on a <c>SemaphoreSlim</c> (<c>Get</c>) or <c>Monitor.Wait</c>
/// (<c>Ray.Wait</c>), both of which Coyote controls, so a lost wake-up is a deadlock it reports.
/// </summary>
public static class BlockingRaces
{
    /// <summary>
    /// A blocking Get (parking: it has a timeout, so it does not run the task inline), a blocking Get without one (which
    /// may run the task on its own thread) and a blocking Wait, all while the task runs and is cancelled: each returns,
    /// the Gets see the ref's one outcome (its value or cancelled), and the Wait returns the ref as ready.
    /// </summary>
    [Test]
    public static async Task Get_and_Wait_race_with_completion_and_cancel()
    {
        ControlledWork.Install();
        using var runtime = RaceRuntime.Start();
        using var scope = runtime.MakeCurrent();
        var reference = Races.Remote.Work(1);
        var parked = Task.Run(() => BlockingOutcome(runtime, reference, TimeSpan.FromHours(1)));
        var cancel = Task.Run(() => Ray.Cancel(reference));
        var inline = Task.Run(() => BlockingOutcome(runtime, reference, null));
        var wait = Task.Run(() =>
        {
            using var inner = runtime.MakeCurrent();
            return Ray.Wait([reference]);
        });

        var (ready, notReady) = await wait;
        var first = await parked;
        var second = await inline;
        await cancel;

        Specification.Assert(ready.Count == 1 && notReady.Count == 0, $"Wait returned {ready.Count} ready and {notReady.Count} not ready");
        Specification.Assert(first is "2" or "cancelled", $"the parked Get returned {first}");
        Specification.Assert(second == first, $"the two Gets saw different outcomes: {first} and {second}");
    }

    private static string BlockingOutcome(RayRuntime runtime, ObjectRef<int> reference, TimeSpan? timeout)
    {
        using var scope = runtime.MakeCurrent();
        try
        {
            return reference.Get(timeout).ToString(CultureInfo.InvariantCulture);
        }
        catch (TaskCancelledException)
        {
            return "cancelled";
        }
    }
}
