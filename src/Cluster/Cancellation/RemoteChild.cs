using RaySharp.Backend;
using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp.Cluster.Cancellation;

/// <summary>
/// A task that the running task here submitted to another node, as its parent sees it: a recursive cancel of the parent
/// reaches whatever produces its result now (the task on its node, or the retry that replaced it).
/// </summary>
internal sealed class RemoteChild(ObjectRef result) : ITaskProducer
{
    public bool IsFinished => result.IsCompleted;

    public void Cancel(bool force, bool recursive) => result.Producer?.Cancel(force, recursive);

    public bool TryRunOnWaitingThread() => false;

    /// <summary>Makes the task behind <paramref name="result"/> a child of the task running here on <paramref name="local"/>, if any.</summary>
    public static void Link(LocalBackend local, ObjectRef result)
    {
        if (BlockingScope.Current is LocalTask parent && parent.Backend == local)
        {
            parent.AddChild(new RemoteChild(result));
        }
    }
}
