using System.Threading;
using RaySharp.CompilerServices;
using RaySharp.Objects;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// Something that leaves this node once its ref arguments are ready here (a task or an actor call placed elsewhere):
/// it registers on the unready ones and waits without a thread; <see cref="OnArgumentsReady"/> runs once, when the last
/// is ready (at once when there are none).
/// </summary>
internal abstract class ArgumentWaiter : IObjectWaiter
{
    /// <summary>Dependencies not ready yet, plus one for <see cref="WaitFor"/> itself, so the last arrival acts once.</summary>
    private int _pending;

    public void OnObjectCompleted(ObjectRef entry, int token) => Arrive();

    protected void WaitFor(TaskArgs args)
    {
        var count = args.DependencyCount;
        _pending = count + 1;
        for (var i = 0; i < count; i++)
        {
            if (!args.GetDependency(i).TryRegister(this, i))
            {
                Arrive();
            }
        }

        Arrive();
    }

    protected abstract void OnArgumentsReady();

    private void Arrive()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            OnArgumentsReady();
        }
    }
}
