using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>
/// Ray's <c>ray._private.test_utils.SignalActor</c>: <c>Wait</c> completes once <c>Send</c> was called, so tests order
/// events by handshakes and never by sleeps. An async actor with many concurrent calls, as in Ray.
/// </summary>
[RayRemote(MaxConcurrency = 1000)]
public sealed partial class SignalActor
{
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiters;

    /// <summary>Releases every waiter; with <paramref name="clear"/> later waiters wait for the next send.</summary>
    public void Send(bool clear)
    {
        var ready = _ready;
        if (clear)
        {
            _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        ready.TrySetResult();
    }

    /// <summary>Completes (with 0) once <see cref="Send"/> has been called.</summary>
    public async Task<int> Wait()
    {
        Interlocked.Increment(ref _waiters);
        try
        {
            await _ready.Task.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }

        return 0;
    }

    /// <summary>Ray's <c>wait(should_wait)</c>: waits as <see cref="Wait"/> does, or returns at once when <paramref name="shouldWait"/> is false.</summary>
    public async Task<int> WaitIf(bool shouldWait) => shouldWait ? await Wait().ConfigureAwait(false) : 0;

    /// <summary>How many calls are waiting now.</summary>
    public int CurNumWaiters() => Volatile.Read(ref _waiters);
}
