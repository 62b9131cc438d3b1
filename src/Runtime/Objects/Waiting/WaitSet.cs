using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Objects.Waiting;

/// <summary>
/// The shared state behind a chain of <c>Ray.Wait</c> calls. It registers on every ref once, keeps the ready ones
/// in a min-heap by input position, and counts the refs not yet returned in a Fenwick tree, so each later call on
/// its <see cref="WaitView{TRef}"/> costs O(k log n) and draining n refs costs O(n log n) in total.
/// Each call makes a new generation; older views stay valid and unchanged.
/// </summary>
internal sealed class WaitSet<TRef> : IObjectWaiter
    where TRef : ObjectRef
{
    private readonly TRef[] _items;
    private readonly int[] _returnedAt;
    private readonly int[] _tree;
    private readonly PriorityQueue<int, int> _ready;
    private List<ReadyWaiter>? _asyncWaiters;
    private int _generation;
    private int _remaining;
    private int _firstPresent; // no ref before it is left in the latest generation

    private WaitSet(TRef[] items)
    {
        _items = items;
        _returnedAt = new int[items.Length];
        Array.Fill(_returnedAt, int.MaxValue);
        _ready = new PriorityQueue<int, int>(items.Length);

        // A Fenwick tree over n ones: node i covers (i - lowbit(i), i], so it holds lowbit(i).
        _tree = new int[items.Length + 1];
        for (var i = 1; i < _tree.Length; i++)
        {
            _tree[i] = i & -i;
        }

        _remaining = items.Length;
    }

    /// <summary>Starts a set over <paramref name="refs"/>, which must be distinct.</summary>
    /// <exception cref="ArgumentException">A ref appears twice, or is null.</exception>
    public static WaitSet<TRef> Create(IReadOnlyList<TRef> refs)
    {
        var items = new TRef[refs.Count];
        var seen = new HashSet<ObjectRef>(items.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < items.Length; i++)
        {
            var item = refs[i] ?? throw new ArgumentException($"Ray.Wait got a null ref at position {i}.", nameof(refs));
            if (!seen.Add(item))
            {
                throw new ArgumentException($"Ray.Wait got {item} twice; pass each ref once.", nameof(refs));
            }

            items[i] = item;
        }

        var set = new WaitSet<TRef>(items);
        var readyAtStart = new List<int>();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].IsCompleted || !items[i].TryRegister(set, i))
            {
                readyAtStart.Add(i);
            }
        }

        lock (set)
        {
            foreach (var i in readyAtStart)
            {
                set._ready.Enqueue(i, i);
            }
        }

        return set;
    }

    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Returns up to <paramref name="count"/> ready refs, waiting until that many are ready or the timeout passes.</summary>
    public WaitResult<TRef> Take(int count, TimeSpan timeout)
    {
        var deadline = Timeouts.Deadline(timeout);
        lock (this)
        {
            if (_ready.Count < count && timeout != TimeSpan.Zero)
            {
                WaitForReady(count, deadline);
            }

            return TakeReady(count);
        }
    }

    /// <summary>
    /// <see cref="Take"/> without holding a thread: the wait is a task completed by the ref that makes
    /// <paramref name="count"/> ready, by the timeout, or (as a cancellation) by the token.
    /// </summary>
    public ValueTask<WaitResult<TRef>> TakeAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (this)
        {
            if (_ready.Count >= count || timeout == TimeSpan.Zero)
            {
                return new ValueTask<WaitResult<TRef>>(TakeReady(count));
            }
        }

        return cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<WaitResult<TRef>>(cancellationToken)
            : new ValueTask<WaitResult<TRef>>(TakeWhenReadyAsync(count, Timeouts.Deadline(timeout), cancellationToken));
    }

    void IObjectWaiter.OnObjectCompleted(ObjectRef entry, int token) => MarkReady(token);

    /// <summary>The <paramref name="index"/>-th ref of generation <paramref name="generation"/>.</summary>
    public TRef ElementAt(int generation, int index)
    {
        lock (this)
        {
            if (generation == _generation)
            {
                return _items[FindPresent(index)];
            }
        }

        foreach (var item in Enumerate(generation))
        {
            if (index-- == 0)
            {
                return item;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>The refs of generation <paramref name="generation"/>, in input order.</summary>
    public IEnumerable<TRef> Enumerate(int generation)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (Volatile.Read(ref _returnedAt[i]) > generation)
            {
                yield return _items[i];
            }
        }
    }

    /// <summary>Copies the refs of generation <paramref name="generation"/>, in input order, into <paramref name="destination"/> (sized to fit).</summary>
    public void CopyTo(int generation, Span<TRef> destination)
    {
        var k = 0;
        for (var i = StartOf(generation); k < destination.Length; i++)
        {
            if (Volatile.Read(ref _returnedAt[i]) > generation)
            {
                destination[k++] = _items[i];
            }
        }
    }

    /// <summary>True when <paramref name="refs"/> holds exactly the refs of generation <paramref name="generation"/>, in input order.</summary>
    public bool SequenceEqual(int generation, ReadOnlySpan<TRef> refs)
    {
        var k = 0;
        for (var i = StartOf(generation); i < _items.Length; i++)
        {
            if (Volatile.Read(ref _returnedAt[i]) > generation && (k == refs.Length || !ReferenceEquals(refs[k++], _items[i])))
            {
                return false;
            }
        }

        return k == refs.Length;
    }

    /// <summary>Where the refs of <paramref name="generation"/> start: past the returned prefix for the latest one, else 0.</summary>
    private int StartOf(int generation)
    {
        lock (this)
        {
            return generation == _generation ? _firstPresent : 0;
        }
    }

    /// <summary>Removes up to <paramref name="count"/> ready refs, lowest input position first, into a new generation. Called under the lock.</summary>
    private WaitResult<TRef> TakeReady(int count)
    {
        var take = Math.Min(count, _ready.Count);
        var generation = ++_generation;
        var ready = new List<TRef>(take);
        for (var k = 0; k < take; k++)
        {
            var i = _ready.Dequeue();
            _returnedAt[i] = generation;
            AddToTree(i, -1);
            ready.Add(_items[i]);
        }

        _remaining -= take;
        while (_firstPresent < _items.Length && _returnedAt[_firstPresent] != int.MaxValue)
        {
            _firstPresent++;
        }

        return new WaitResult<TRef>(ready, new WaitView<TRef>(this, generation, _remaining));
    }

    private async Task<WaitResult<TRef>> TakeWhenReadyAsync(int count, long deadline, CancellationToken cancellationToken)
    {
        // Like an await on a ref, an async task gives its CPU back while it waits, and stops when it is interrupted.
        var context = BlockingScope.Current;
        Interruption.ThrowIfInterrupted(context);
        var task = BlockingScope.Flowing;
        var interruption = Interruption.TokenOf(context);
        using var linked = interruption.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption) : null;
        var stop = linked?.Token ?? cancellationToken;
        task?.BeginBlocking();
        try
        {
            while (true)
            {
                ReadyWaiter waiter;
                lock (this)
                {
                    if (_ready.Count >= count)
                    {
                        return TakeReady(count);
                    }

                    waiter = new ReadyWaiter(count);
                    (_asyncWaiters ??= []).Add(waiter);
                }

                var waited = waiter.Task.WaitAsync(Timeouts.Remaining(deadline), stop);
                // WhenAny, not ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing): the same wait without the throw, and
                // an await that Coyote 1.7.11's rewriting runs on .NET 10 (the other crashed it; docs/reliability.md).
                await Task.WhenAny(waited).ConfigureAwait(false);
                if (waited.IsCanceled && context is { IsInterrupted: true })
                {
                    // The interruption won, even if enough refs became ready since.
                    lock (this)
                    {
                        _asyncWaiters!.Remove(waiter);
                    }

                    throw context.InterruptedError();
                }

                if (waiter.Task.IsCompleted)
                {
                    // Enough were ready when it was woken; a concurrent Take on the same set may have taken some since.
                    continue;
                }

                lock (this)
                {
                    _asyncWaiters!.Remove(waiter);
                    if (!waited.IsCanceled)
                    {
                        _ = waited.Exception; // The TimeoutException is expected: mark it observed.
                        return TakeReady(count); // The timeout passed: return what is ready, as Take does.
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                Interruption.ThrowIfInterrupted(context);
            }
        }
        finally
        {
            task?.EndBlocking();
        }
    }

    /// <summary>Waits, under the lock, until <paramref name="count"/> refs are ready, the deadline passes or the running task is interrupted.</summary>
    private void WaitForReady(int count, long deadline)
    {
        var task = BlockingScope.Current;
        Interruption.ThrowIfInterrupted(task);
        var interruption = Interruption.TokenOf(task);

        // Unregister, not Dispose: the callback takes this lock, which the caller holds when this returns.
        var registration = interruption.CanBeCanceled
            ? interruption.UnsafeRegister(static state => PulseAllUnderLock(state!), this)
            : default;
        task?.BeginBlocking();
        try
        {
            while (_ready.Count < count)
            {
                Interruption.ThrowIfInterrupted(task);
                var remaining = Timeouts.Remaining(deadline);
                if (remaining == TimeSpan.Zero || !Monitor.Wait(this, remaining))
                {
                    return;
                }
            }
        }
        finally
        {
            registration.Unregister();
            task?.EndBlocking();
        }
    }

    private static void PulseAllUnderLock(object set)
    {
        lock (set)
        {
            Monitor.PulseAll(set);
        }
    }

    private void MarkReady(int index)
    {
        List<ReadyWaiter>? wake = null;
        lock (this)
        {
            _ready.Enqueue(index, index);
            Monitor.PulseAll(this);
            if (_asyncWaiters is { Count: > 0 } waiters)
            {
                for (var i = waiters.Count - 1; i >= 0; i--)
                {
                    if (waiters[i].Count <= _ready.Count)
                    {
                        (wake ??= []).Add(waiters[i]);
                        waiters.RemoveAt(i);
                    }
                }
            }
        }

        // Completed outside the lock; their continuations run asynchronously anyway.
        if (wake is not null)
        {
            foreach (var waiter in wake)
            {
                waiter.TrySetResult();
            }
        }
    }

    private void AddToTree(int index, int delta)
    {
        for (var i = index + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>The position of the <paramref name="rank"/>-th (0-based) ref not yet returned: Fenwick binary lifting.</summary>
    private int FindPresent(int rank)
    {
        if ((uint)rank >= (uint)_remaining)
        {
            throw new ArgumentOutOfRangeException(nameof(rank));
        }

        var position = 0;
        var left = rank + 1;
        for (var step = HighestPowerOfTwo(_tree.Length - 1); step > 0; step >>= 1)
        {
            var next = position + step;
            if (next < _tree.Length && _tree[next] < left)
            {
                position = next;
                left -= _tree[next];
            }
        }

        return position;
    }

    private static int HighestPowerOfTwo(int n) => n == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(n));

    /// <summary>One <c>WaitAsync</c> call waiting on the set: completed when <see cref="Count"/> refs are ready.</summary>
    private sealed class ReadyWaiter(int count) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public int Count { get; } = count;
    }
}
