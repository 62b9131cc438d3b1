using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>test_actor_pool.py's <c>MyActor</c>.</summary>
[RayRemote]
public sealed partial class PoolActor
{
    public int F(int x) => x + 1;

    public int Double(int x) => 2 * x;
}

/// <summary>test_actor_pool.py's endless <c>MyActor.f</c>: it waits on a signal instead of looping.</summary>
[RayRemote]
public sealed partial class BlockingActor
{
    private readonly SignalActor.Handle _signal;

    public BlockingActor(SignalActor.Handle signal) => _signal = signal;

    public int F(int x) => _signal.Wait().Get(Bounds.Hang) + x;
}

/// <summary>test_actor_pool.py's async <c>DummyActor</c>: <c>identity(6)</c> waits on a signal instead of sleeping 40 s.</summary>
[RayRemote]
public sealed partial class DummyActor
{
    private readonly SignalActor.Handle _signal;

    public DummyActor(SignalActor.Handle signal) => _signal = signal;

    public async Task<int> Identity(int s)
    {
        if (s == 6)
        {
            await _signal.Wait();
        }

        return s;
    }
}
