using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>The task-orders page's <c>Counter</c>: a sync, single-threaded actor.</summary>
[RayRemote]
public sealed partial class OrderCounter
{
    private int _value;

    public int Add(int addition)
    {
        _value += addition;
        return _value;
    }
}

/// <summary>The task-orders page's <c>AsyncCounter</c>: an async actor.</summary>
[RayRemote]
public sealed partial class AsyncOrderCounter
{
    private int _value;

    public async Task<int> Add(int addition)
    {
        await Task.Yield();
        _value += addition;
        return _value;
    }
}

/// <summary>The task-orders page's remote functions.</summary>
public static partial class TaskOrderFunctions
{
    /// <summary>Submits <c>counter.add(value)</c> from a task (another caller than the driver) and waits for it.</summary>
    [RayRemote]
    public static int Submitter(OrderCounter.Handle counter, int value) => counter.Add(value).Get(Bounds.Must);

    /// <summary>Ray's <c>delayed_resolution</c>: returns <paramref name="value"/> once the signal is sent, where Ray sleeps 1 s.</summary>
    [RayRemote]
    public static int DelayedResolution(SignalActor.Handle signal, int value)
    {
        signal.Wait().Get(Bounds.Hang);
        return value;
    }
}
