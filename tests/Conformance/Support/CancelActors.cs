using System.Collections.Generic;

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
