using System;
using System.Threading;
using System.Threading.Tasks;
using RaySharp;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// The remote functions of the cancellation tests. Every node of a test cluster runs in this process, so the test and
/// the tasks meet at these static gates whichever node runs them; every wait is bounded, so a broken test cannot hang.
/// </summary>
public static partial class CancelFunctions
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static int s_runs;

    /// <summary>Opened by a test to let <see cref="Signal"/>, <see cref="HoldUntilOpened"/> and <see cref="IgnoreCancel"/> return.</summary>
    public static ManualResetEventSlim Gate { get; set; } = new(false);

    /// <summary>Set by a task that started (its node id).</summary>
    public static TaskCompletionSource<string> Started { get; set; } = NewSignal();

    /// <summary>Set by the child of <see cref="Parent"/> when it starts (its node id).</summary>
    public static TaskCompletionSource<string> ChildStarted { get; set; } = NewSignal();

    /// <summary>Set when the child of <see cref="Parent"/> ends: "cancelled" or "opened".</summary>
    public static TaskCompletionSource<string> ChildEnded { get; set; } = NewSignal();

    /// <summary>Set by a task that saw its cancellation token signalled (its node id).</summary>
    public static TaskCompletionSource<string> SawCancel { get; set; } = NewSignal();

    /// <summary>How many times <see cref="CountRun"/> ran, on any node of this process.</summary>
    public static int Runs => Volatile.Read(ref s_runs);

    /// <summary>Resets every gate and counter; call at the start of each test.</summary>
    public static void Reset()
    {
        Gate = new ManualResetEventSlim(false);
        Started = NewSignal();
        ChildStarted = NewSignal();
        ChildEnded = NewSignal();
        SawCancel = NewSignal();
        Volatile.Write(ref s_runs, 0);
    }

    /// <summary>What a task signalled through <paramref name="signal"/>; throws when it never does.</summary>
    public static string Await(TaskCompletionSource<string> signal) =>
        signal.Task.Wait(Patience) ? signal.Task.Result : throw new TimeoutException("a task never signalled the test");

    public static TaskCompletionSource<string> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ray's <c>SignalActor.wait</c>: returns 1 once the test opens <see cref="Gate"/>.</summary>
    [RayRemote]
    public static int Signal() => Gate.Wait(Patience) ? 1 : throw new TimeoutException("the test never opened the gate");

    /// <summary>Ray's <c>wait_for(t)</c>: reads the borrowed ref, blocking (a cancel interrupts the read).</summary>
    [RayRemote]
    public static int WaitFor(ObjectRef<int> signal) => signal.Get(Patience);

    /// <summary>Ray's <c>combine(a, b)</c>.</summary>
    [RayRemote]
    public static string Combine(int a, int b) => $"{a}{b}";

    [RayRemote]
    public static int Fast(int x) => x;

    /// <summary>Cancels <paramref name="target"/>, a ref this task's node borrowed (another node owns it); returns its node.</summary>
    [RayRemote]
    public static string CancelBorrowed(ObjectRef<string> target)
    {
        Ray.Cancel(target);
        return Ray.GetRuntimeContext().NodeId;
    }

    /// <summary>Its node; counts nothing (a test checks that cancelled tasks never ran).</summary>
    [RayRemote]
    public static string WhereAmIAfterCancels() => Ray.GetRuntimeContext().NodeId;

    /// <summary>Counts its runs; returns its node.</summary>
    [RayRemote]
    public static string CountRun()
    {
        Interlocked.Increment(ref s_runs);
        return Ray.GetRuntimeContext().NodeId;
    }

    /// <summary>Signals <see cref="Started"/>, then holds its resources until the test opens <see cref="Gate"/>, deaf to cancellation.</summary>
    [RayRemote]
    public static string HoldUntilOpened()
    {
        Interlocked.Increment(ref s_runs);
        Started.TrySetResult(Ray.GetRuntimeContext().NodeId);
        return Gate.Wait(Patience) ? Ray.GetRuntimeContext().NodeId : throw new TimeoutException("the test never opened the gate");
    }

    /// <summary>Signals <see cref="Started"/>, then waits for its cancellation token (cooperative cancellation) and stops by throwing.</summary>
    [RayRemote]
    public static string WaitForCancel()
    {
        var context = Ray.GetRuntimeContext();
        Started.TrySetResult(context.NodeId);
        if (!context.CancellationToken.WaitHandle.WaitOne(Patience))
        {
            throw new TimeoutException("the task was never cancelled");
        }

        SawCancel.TrySetResult(context.NodeId);
        context.CancellationToken.ThrowIfCancellationRequested();
        return context.NodeId;
    }

    /// <summary>
    /// Signals <see cref="Started"/>, waits until its token is signalled (<see cref="SawCancel"/>), then goes on to
    /// return once the test opens the gate, and reports whether it was cancelled.
    /// </summary>
    [RayRemote]
    public static bool IgnoreCancel()
    {
        var context = Ray.GetRuntimeContext();
        Started.TrySetResult(context.NodeId);
        if (context.CancellationToken.WaitHandle.WaitOne(Patience))
        {
            SawCancel.TrySetResult(context.NodeId);
        }

        if (!Gate.Wait(Patience))
        {
            throw new TimeoutException("the test never opened the gate");
        }

        return Ray.GetRuntimeContext().IsCancelled;
    }

    /// <summary>
    /// A parent taking every CPU of its node: it submits <see cref="Child"/>, which therefore runs on another node,
    /// signals <see cref="Started"/> and waits for the child's result (a cancel interrupts that wait).
    /// </summary>
    [RayRemote]
    public static string Parent()
    {
        var child = Remote.Child();
        Started.TrySetResult(Ray.GetRuntimeContext().NodeId);
        return child.Get(Patience);
    }

    /// <summary>Signals <see cref="ChildStarted"/>, then waits for its token or the gate; <see cref="SawCancel"/> when cancelled.</summary>
    [RayRemote]
    public static string Child()
    {
        var context = Ray.GetRuntimeContext();
        ChildStarted.TrySetResult(context.NodeId);
        var which = WaitHandle.WaitAny([context.CancellationToken.WaitHandle, Gate.WaitHandle], Patience);
        ChildEnded.TrySetResult(which == 0 ? "cancelled" : "opened");
        if (which == 0)
        {
            SawCancel.TrySetResult(context.NodeId);
            context.CancellationToken.ThrowIfCancellationRequested();
        }

        return which == WaitHandle.WaitTimeout ? throw new TimeoutException("neither cancelled nor opened") : context.NodeId;
    }
}
