using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>test_concurrency_group.py::test_async_methods_in_concurrency_group's <c>AsyncBatcher</c>.</summary>
[RayRemote]
[RayConcurrencyGroup("async", 3)]
public sealed partial class AsyncBatcher
{
    private readonly List<int> _batch = [];
    private TaskCompletionSource? _event;

    [RayRemote(ConcurrencyGroup = "async")]
    public bool InitEvent()
    {
        _event = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return true;
    }

    [RayRemote(ConcurrencyGroup = "async")]
    public async Task<int[]> Add(int x)
    {
        _batch.Add(x);
        if (_batch.Count >= 3)
        {
            _event!.TrySetResult();
        }
        else
        {
            await _event!.Task;
        }

        return [.. _batch.Order()];
    }
}

/// <summary>
/// test_concurrency_group.py's blocking <c>AsyncActor</c>s: <c>F1</c> is async but blocks its thread (Ray's
/// <c>time.sleep(10000)</c>) until the signal is sent; <c>F2</c> is in another group.
/// </summary>
[RayRemote]
[RayConcurrencyGroup("my_group", 1)]
public sealed partial class DefaultGroupBlocker
{
    private readonly SignalActor.Handle _signal;

    public DefaultGroupBlocker(SignalActor.Handle signal) => _signal = signal;

    public async Task<string> F1()
    {
        _signal.Wait().Get(Bounds.Hang);
        await Task.Yield();
        return "never return";
    }

    [RayRemote(ConcurrencyGroup = "my_group")]
    public string F2() => "ok";
}

/// <summary>test_blocking_group_does_not_block_others' actor: group1 blocks, group2 must still run.</summary>
[RayRemote]
[RayConcurrencyGroup("group1", 1)]
[RayConcurrencyGroup("group2", 1)]
public sealed partial class BlockingGroupActor
{
    private readonly SignalActor.Handle _signal;

    public BlockingGroupActor(SignalActor.Handle signal) => _signal = signal;

    [RayRemote(ConcurrencyGroup = "group1")]
    public async Task<string> F1()
    {
        _signal.Wait().Get(Bounds.Hang);
        await Task.Yield();
        return "never return";
    }

    [RayRemote(ConcurrencyGroup = "group2")]
    public string F2() => "ok";
}
