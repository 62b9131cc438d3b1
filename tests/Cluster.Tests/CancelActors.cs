using System;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A sync actor for the cancellation tests: <c>Hold</c> keeps the actor busy until the test opens
/// <see cref="CancelFunctions.Gate"/>, so the calls behind it queue on its node; <c>Count</c> counts its runs.
/// </summary>
[RayRemote]
public sealed partial class CancelTarget
{
    public string Hold() => CancelFunctions.HoldUntilOpened();

    public string Count() => CancelFunctions.CountRun();

    /// <summary>Counts a run once <paramref name="signal"/> (a ref, awaited on the caller's node first) is ready.</summary>
    public string CountAfter(int signal) => signal == 1 ? CancelFunctions.CountRun() : "no signal";

    /// <summary>Runs until its token is signalled, as Ray's sync actor task that checks <c>is_canceled()</c>; reports whether it saw the cancel.</summary>
    public bool CheckCancelled()
    {
        var context = Ray.GetRuntimeContext();
        CancelFunctions.Started.TrySetResult(context.NodeId);
        return SpinWait.SpinUntil(() => Ray.GetRuntimeContext().IsCancelled, TimeSpan.FromSeconds(30));
    }
}

/// <summary>An async actor: a running call sees its token, as in Ray's async actors (<c>asyncio.CancelledError</c>).</summary>
[RayRemote]
public sealed partial class AsyncCancelTarget
{
    public async Task<string> WaitForCancelAsync()
    {
        var context = Ray.GetRuntimeContext();
        CancelFunctions.Started.TrySetResult(context.NodeId);
        await Task.Delay(TimeSpan.FromSeconds(30), context.CancellationToken);
        return context.NodeId;
    }
}
