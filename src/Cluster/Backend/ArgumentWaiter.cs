using System.Threading;
using RaySharp.CompilerServices;
using RaySharp.Objects;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// Something that leaves this node once its ref arguments are ready here or kept on another node (a task or an actor
/// call placed elsewhere): it registers on the unready ones and waits without a thread; <see cref="OnArgumentsReady"/>
/// runs once, when the last is ready (at once when there are none). A result kept on the node that ran its task (see
/// <see cref="RemoteTask.WaitForLocation"/>) counts as ready without a pull here: it is sent by reference. One kept on
/// a node that has left is made again first, and waited for again.
/// </summary>
internal abstract class ArgumentWaiter : IObjectWaiter
{
    /// <summary>Dependencies not arrived yet, plus one for <see cref="WaitFor"/> itself, so the last arrival acts once.</summary>
    private int _pending;

    /// <summary>Per dependency, 1 once it arrived in this round (it completed, or its place is known): each counts once.</summary>
    private int[] _arrived = [];

    private TaskArgs _args = null!;

    public void OnObjectCompleted(ObjectRef entry, int token) => Arrive(token);

    protected void WaitFor(TaskArgs args)
    {
        _args = args;
        var count = args.DependencyCount;
        Volatile.Write(ref _pending, count + 1);
        Volatile.Write(ref _arrived, count == 0 ? [] : new int[count]);
        for (var i = 0; i < count; i++)
        {
            var entry = args.GetDependency(i);
            if (!entry.TryRegister(this, i))
            {
                Arrive(i);
            }
            else if (entry.Producer is RemoteTask producer)
            {
                producer.WaitForLocation(this, i); // its result may be sent on by reference before it is here
            }
        }

        Arrive(-1);
    }

    protected abstract void OnArgumentsReady();

    private void Arrive(int token)
    {
        var arrived = Volatile.Read(ref _arrived);
        if (token >= 0 && (token >= arrived.Length || Interlocked.Exchange(ref arrived[token], 1) != 0))
        {
            return; // counted already: it completed and its place was known, or an earlier round's registration
        }

        if (Interlocked.Decrement(ref _pending) != 0)
        {
            return;
        }

        if (AllSendable())
        {
            OnArgumentsReady();
        }
        else
        {
            WaitFor(_args); // an argument kept on a node that left is being made again: wait for it anew
        }
    }

    /// <summary>Whether every dependency is complete here or may be sent by reference to the node that keeps it.</summary>
    private bool AllSendable()
    {
        var args = _args;
        for (var i = 0; i < args.DependencyCount; i++)
        {
            var entry = args.GetDependency(i);
            if (!entry.IsCompleted && !(entry.Producer is RemoteTask producer && producer.CanSendByReference()))
            {
                return false;
            }
        }

        return true;
    }
}
