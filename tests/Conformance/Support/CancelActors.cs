using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>test_cancel.py::test_is_canceled_sync_actor_task's <c>Actor</c>.</summary>
[RayRemote]
public sealed partial class CancelCheckingActor
{
    private bool _isCanceled;

    public string TaskWithCancelCheck(SignalActor.Handle signalActor)
    {
        signalActor.Wait().Get(Bounds.Hang);
        if (Ray.GetRuntimeContext().IsCancelled)
        {
            _isCanceled = true;
            return "canceled";
        }

        return "completed";
    }

    public bool IsCanceled() => _isCanceled;
}

/// <summary>test_cancel.py::test_is_canceled_concurrent_actor_task's <c>ConcurrentActor</c>.</summary>
[RayRemote]
public sealed partial class ConcurrentCancelCheckingActor
{
    private readonly HashSet<int> _canceledTasks = [];

    public string TaskWithCancelCheck(int taskId, SignalActor.Handle signalActor)
    {
        signalActor.Wait().Get(Bounds.Hang);
        if (Ray.GetRuntimeContext().IsCancelled)
        {
            lock (_canceledTasks)
            {
                _canceledTasks.Add(taskId);
            }

            return $"task_{taskId}_canceled";
        }

        return $"task_{taskId}_completed";
    }

    public List<int> GetCanceledTasks()
    {
        lock (_canceledTasks)
        {
            return [.. _canceledTasks];
        }
    }
}

/// <summary>test_cancel.py::test_async_actor_cancel_after_task_finishes's <c>Actor</c>.</summary>
[RayRemote]
public sealed partial class EmptyAsyncActor
{
    public async Task<int> Empty()
    {
        await Task.Yield();
        return 0;
    }
}

/// <summary>test_cancel.py::test_cancel_recursive_chain's <c>RecursiveActor</c>: each link awaits the next one's run.</summary>
[RayRemote]
public sealed partial class RecursiveActor
{
    private readonly RecursiveActor.Handle? _child;
    private ObjectRef<bool>? _childRef;

    /// <summary>Ray's <c>child=None</c> default.</summary>
    public RecursiveActor(RecursiveActor.Handle? child = null) => _child = child;

    public async Task<bool> Run(SignalActor.Handle sig)
    {
        if (_child is null)
        {
            await sig.Wait();
            return true;
        }

        var childRef = _child.Run(sig);
        _childRef = childRef;
        return await childRef;
    }

    public ObjectRef<bool> GetChildRef() => _childRef ?? throw new InvalidOperationException("Run has not submitted its child yet.");
}
