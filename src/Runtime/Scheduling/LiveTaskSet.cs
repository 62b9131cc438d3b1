using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Every task a backend accepted and has not finished, so shutdown can fail their refs instead of leaving them
/// pending. Intrusive lists in striped locks keep adding and removing O(1) and rarely contended.
/// </summary>
internal sealed class LiveTaskSet
{
    private const int StripeCount = 16;

    private readonly Stripe[] _stripes = new Stripe[StripeCount];
    private volatile bool _closed;

    public LiveTaskSet()
    {
        for (var i = 0; i < StripeCount; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    /// <summary>Adds a task; false once the set is closed (the runtime shut down).</summary>
    public bool TryAdd(LocalTask task)
    {
        var stripe = StripeOf(task);
        lock (stripe)
        {
            if (_closed)
            {
                return false;
            }

            task.LiveNext = stripe.Head;
            if (stripe.Head is not null)
            {
                stripe.Head.LivePrevious = task;
            }

            stripe.Head = task;
            task.IsLive = true;
            return true;
        }
    }

    public void Remove(LocalTask task)
    {
        var stripe = StripeOf(task);
        lock (stripe)
        {
            if (!task.IsLive)
            {
                return;
            }

            if (task.LivePrevious is null)
            {
                stripe.Head = task.LiveNext;
            }
            else
            {
                task.LivePrevious.LiveNext = task.LiveNext;
            }

            if (task.LiveNext is not null)
            {
                task.LiveNext.LivePrevious = task.LivePrevious;
            }

            task.LivePrevious = task.LiveNext = null;
            task.IsLive = false;
        }
    }

    /// <summary>Refuses new tasks and takes out every live one.</summary>
    public List<LocalTask> Close()
    {
        _closed = true;
        var all = new List<LocalTask>();
        foreach (var stripe in _stripes)
        {
            lock (stripe)
            {
                for (var task = stripe.Head; task is not null; task = task.LiveNext)
                {
                    task.IsLive = false;
                    all.Add(task);
                }

                stripe.Head = null;
            }
        }

        return all;
    }

    private Stripe StripeOf(LocalTask task) => _stripes[(int)(task.Sequence % StripeCount)];

    /// <summary>One lock and list head, padded to its own cache lines so that threads on different stripes do not slow each other.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private sealed class Stripe
    {
        public LocalTask? Head;
#pragma warning disable CS0169, IDE0051 // Padding only.
        private readonly long _pad1, _pad2, _pad3, _pad4, _pad5, _pad6, _pad7, _pad8, _pad9, _pad10, _pad11, _pad12, _pad13, _pad14;
#pragma warning restore CS0169, IDE0051
    }
}
