using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp;

/// <summary>
/// The refs a streaming task yields, one per item, each available as soon as the task produces it, before the task
/// ends (Ray's <c>ObjectRefGenerator</c>). Read it with <c>foreach</c> or <c>await foreach</c>, or pass the refs to
/// <see cref="Ray.Wait{TRef}(System.Collections.Generic.IReadOnlyList{TRef}, int, System.TimeSpan?)"/>. If the task fails, the last ref yielded throws its error. Enumerate as often as you like.
/// </summary>
/// <typeparam name="T">The type of each item.</typeparam>
public sealed class ObjectRefGenerator<T> : IEnumerable<ObjectRef<T>>, IObjectStream
{
    private readonly List<ObjectRef<T>> _items = [];
    private readonly Func<ObjectId> _nextId;
    private TaskCompletionSource _changed = NewSignal();
    private bool _ended;

    internal ObjectRefGenerator(ObjectRef<Unit> completion, Func<ObjectId> nextId)
    {
        Completion = completion;
        _nextId = nextId;
    }

    /// <summary>Ready when the task has ended; it throws the task's error if it failed.</summary>
    public ObjectRef<Unit> Completion { get; }

    /// <summary>The refs yielded so far.</summary>
    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<ObjectRef<T>> GetEnumerator()
    {
        for (var index = 0; ;)
        {
            var state = Peek(index, out var next, out var changed);
            if (state == Slot.Item)
            {
                index++;
                yield return next!;
            }
            else if (state == Slot.End)
            {
                yield break;
            }
            else
            {
                var task = BlockingScope.Current;
                task?.BeginBlocking();
                try
                {
                    changed!.Wait();
                }
                finally
                {
                    task?.EndBlocking();
                }
            }
        }
    }

    /// <summary>Lets <c>await foreach</c> wait for each ref without holding a thread.</summary>
    public async IAsyncEnumerator<ObjectRef<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        for (var index = 0; ;)
        {
            var state = Peek(index, out var next, out var changed);
            if (state == Slot.Item)
            {
                index++;
                yield return next!;
            }
            else if (state == Slot.End)
            {
                yield break;
            }
            else
            {
                await changed!.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The refs as an <see cref="IAsyncEnumerable{T}"/>, for async LINQ or <c>WithCancellation</c>.</summary>
    public IAsyncEnumerable<ObjectRef<T>> AsAsyncEnumerable() => new AsyncSequence<ObjectRef<T>>(GetAsyncEnumerator);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void IObjectStream.Complete() => End(null);

    void IObjectStream.Fail(ExceptionDispatchInfo error) => End(error);

    /// <summary>Adds an item the task produced, accounted in <paramref name="store"/> when given.</summary>
    internal void Append(T value, Objects.Store.ObjectStore? store = null)
    {
        var entry = ObjectEntry<T>.Ready(_nextId(), value);
        store?.AdmitProduced(entry);
        Add(entry);
    }

    private void End(ExceptionDispatchInfo? error)
    {
        if (error is not null)
        {
            var failed = new ObjectEntry<T>(_nextId());
            failed.TryFail(error);
            Add(failed, end: true);
        }
        else
        {
            Add(null, end: true);
        }
    }

    private void Add(ObjectEntry<T>? entry, bool end = false)
    {
        TaskCompletionSource signal;
        lock (_items)
        {
            if (_ended)
            {
                return;
            }

            if (entry is not null)
            {
                _items.Add(new ObjectRef<T>(entry));
            }

            _ended = end;
            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>What is at <paramref name="index"/>: an item, the end, or nothing yet (with the task to wait on).</summary>
    private Slot Peek(int index, out ObjectRef<T>? next, out Task? changed)
    {
        lock (_items)
        {
            next = index < _items.Count ? _items[index] : null;
            changed = next is null && !_ended ? _changed.Task : null;
            return next is not null ? Slot.Item : _ended ? Slot.End : Slot.Pending;
        }
    }

    private enum Slot
    {
        Item,
        End,
        Pending,
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
