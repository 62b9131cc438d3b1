using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace RaySharp.Coyote;

/// <summary>
/// Races in the runtime, explored by Coyote's systematic scheduler: each test is one small scenario, and Coyote runs
/// it under many interleavings of the test's tasks and the runtime's own work (routed through
/// <see cref="ControlledWork"/>). A deadlock (every controlled operation blocked, e.g. a ref that never ends) or a
/// failed <see cref="Specification.Assert(bool, string)"/> is a bug, reported with a trace to replay.
/// </summary>
public static partial class Races
{
    [RayRemote]
    public static int Work(int value) => value + 1;

    /// <summary>Submit, complete and cancel race on one task: the ref ends once, as its value or cancelled, and the CPU comes back.</summary>
    [Test]
    public static async Task Submit_complete_and_cancel_race_on_one_task()
    {
        ControlledWork.Install();
        using var runtime = RaceRuntime.Start();
        using var scope = runtime.MakeCurrent();
        var reference = Remote.Work(1);
        var cancel = Task.Run(() => Ray.Cancel(reference));

        var first = await Outcome(reference);
        await cancel;

        Specification.Assert(first is "2" or "cancelled", $"the ref ended as {first}");
        Specification.Assert(await Outcome(reference) == first, "the ref changed its outcome after it ended");
        await CpuComesBack(runtime, 1);
    }

    /// <summary>WaitAsync races with the task's completion and its cancellation: it always returns the ref as ready.</summary>
    [Test]
    public static async Task WaitAsync_races_with_completion_and_cancel()
    {
        ControlledWork.Install();
        using var runtime = RaceRuntime.Start();
        using var scope = runtime.MakeCurrent();
        var reference = Remote.Work(1);
        var cancel = Task.Run(() => Ray.Cancel(reference));

        var (ready, notReady) = await Ray.WaitAsync([reference]);
        await cancel;

        Specification.Assert(ready.Count == 1 && notReady.Count == 0, $"WaitAsync returned {ready.Count} ready and {notReady.Count} not ready");
        Specification.Assert(await Outcome(reference) is "2" or "cancelled", "the ref did not end as its value or cancelled");
    }

    /// <summary>Shutdown races with submits: every ref a submit returned ends, as its value or RuntimeShutdownException.</summary>
    [Test]
    public static async Task Shutdown_races_with_submits()
    {
        ControlledWork.Install();
        var runtime = RaceRuntime.Start();
        var refs = new List<ObjectRef<int>>();
        var submitter = Task.Run(() =>
        {
            using var scope = runtime.MakeCurrent();
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    refs.Add(Remote.Work(i));
                }
            }
            catch (RuntimeShutdownException)
            {
            }
        });

        runtime.Dispose();
        await submitter;

        for (var i = 0; i < refs.Count; i++)
        {
            var outcome = await Outcome(refs[i]);
            Specification.Assert(outcome == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) || outcome == "shut down", $"ref {i} ended as {outcome}");
        }
    }

    private static async Task<string> Outcome(ObjectRef<int> reference)
    {
        try
        {
            return (await reference.GetAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (TaskCancelledException)
        {
            return "cancelled";
        }
        catch (RuntimeShutdownException)
        {
            return "shut down";
        }
    }

    /// <summary>A finished task gives its CPU back just after its ref completes: polls (bounded) until it has.</summary>
    private static async Task CpuComesBack(RayRuntime runtime, double cpus)
    {
        for (var i = 0; i < 100 && runtime.AvailableResources()["CPU"] != cpus; i++)
        {
            await Task.Delay(1); // a controlled scheduling point under Coyote, not a timing assumption
        }

        Specification.Assert(runtime.AvailableResources()["CPU"] == cpus, $"the CPU never came back: {runtime.AvailableResources()["CPU"]} free");
    }
}
