using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp;

/// <summary>
/// The refs a streaming task yields, one per item, each available as soon as the task produces it, before the task
/// ends (Ray's <c>ObjectRefGenerator</c>). Read it with <c>foreach</c> or <c>await foreach</c>, or pass the refs to
/// <see cref="Ray.Wait{TRef}(System.Collections.Generic.IReadOnlyList{TRef}, int, System.TimeSpan?)"/>, or wait on the
/// generator itself and take its refs one by one with <see cref="TryNext"/> (Ray's <c>ray.wait([gen])</c> and
/// <c>next(gen)</c>). If the task fails, the last ref yielded throws its error. Enumerate as often as you like.
/// </summary>
/// <typeparam name="T">The type of each item.</typeparam>
public sealed class ObjectRefGenerator<T> : IEnumerable<ObjectRef<T>>, IObjectStream
{
    private readonly List<ObjectRef<T>> _items = [];
    private readonly Func<ObjectId> _nextId;
    private TaskCompletionSource _changed = NewSignal();
    private ObjectEntry<Unit>? _nextReady;
    private int _cursor;
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

    /// <summary>
    /// True when <see cref="TryNext"/> would return a ref now (Ray's <c>next_ready()</c>): the task has yielded past the
    /// cursor. <see cref="Ray.Wait{T}(IReadOnlyList{ObjectRefGenerator{T}}, int, TimeSpan?)"/> waits for this or the end.
    /// </summary>
    public bool IsNextReady
    {
        get
        {
            lock (_items)
            {
                return _cursor < _items.Count;
            }
        }
    }

    /// <summary>True when the task has ended and <see cref="TryNext"/> has taken every ref (Ray's <c>is_finished()</c>).</summary>
    public bool IsFinished
    {
        get
        {
            lock (_items)
            {
                return _ended && _cursor == _items.Count;
            }
        }
    }

    /// <summary>
    /// Takes the ref at the generator's cursor without blocking, as Ray's <c>next(gen)</c> after <c>ray.wait([gen])</c>.
    /// The cursor is separate from enumeration: <c>foreach</c> still starts from the first ref.
    /// </summary>
    /// <param name="next">The next ref, when one is there.</param>
    /// <returns>False when nothing is yielded past the cursor yet, or (see <see cref="IsFinished"/>) the task has ended.</returns>
    public bool TryNext([NotNullWhen(true)] out ObjectRef<T>? next)
    {
        lock (_items)
        {
            next = _cursor < _items.Count ? _items[_cursor++] : null;
            return next is not null;
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
                Interruption.Block(changed!);
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
                await Interruption.WaitAsync(changed!, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The refs as an <see cref="IAsyncEnumerable{T}"/>, for async LINQ or <c>WithCancellation</c>.</summary>
    public IAsyncEnumerable<ObjectRef<T>> AsAsyncEnumerable() => new AsyncSequence<ObjectRef<T>>(GetAsyncEnumerator);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void IObjectStream.Complete() => End(null);

    void IObjectStream.Fail(ExceptionDispatchInfo error) => End(error);

    /// <summary>A ref that is ready once a ref is yielded past the cursor or the task ends: what waiting on the generator waits for.</summary>
    internal ObjectRef<Unit> NextReady()
    {
        lock (_items)
        {
            if (_cursor < _items.Count || _ended)
            {
                return new ObjectRef<Unit>(ObjectEntry<Unit>.Ready(_nextId(), default(Unit)));
            }

            return new ObjectRef<Unit>(_nextReady ??= new ObjectEntry<Unit>(_nextId()));
        }
    }

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
        ObjectEntry<Unit>? nextReady;
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
            nextReady = _nextReady;
            _nextReady = null;
        }

        signal.TrySetResult();
        if (nextReady is not null)
        {
            nextReady.Stage(default);
            nextReady.TryPublishStaged();
        }
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
