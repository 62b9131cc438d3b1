using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Objects;
using RaySharp.Objects.Waiting;
using RaySharp.Scheduling;

namespace RaySharp;

/// <summary>
/// The refs a streaming task yields, one per item, each available as soon as the task produces it, before the task
/// ends (Ray's <c>ObjectRefGenerator</c>). Read it with <c>foreach</c> or <c>await foreach</c>, or pass the refs to
/// <see cref="Ray.Wait{TRef}(System.Collections.Generic.IReadOnlyList{TRef}, int, System.TimeSpan?)"/>, or wait on the
/// generator itself and take its refs one by one with <see cref="TryNext"/> (Ray's <c>ray.wait([gen])</c> and
/// <c>next(gen)</c>). If the task fails, the last ref yielded throws its error.
/// </summary>
/// <remarks>
/// Like Ray's, the generator is a one-pass iterator: it holds only the refs not yet handed out, and every reader
/// (<c>foreach</c>, <c>await foreach</c>, <see cref="TryNext"/>) takes from the same cursor, so a second <c>foreach</c>
/// continues where the first stopped and an ended, fully read generator yields nothing more. A ref it handed out is
/// the reader's: once the reader drops it, the item leaves the store, so a long stream read item by item stays
/// bounded. Keep the refs you want to read again (for example <c>gen.ToList()</c>).
/// </remarks>
/// <typeparam name="T">The type of each item.</typeparam>
public sealed class ObjectRefGenerator<T> : IEnumerable<ObjectRef<T>>, IObjectStream
{
    /// <summary>The refs yielded and not yet handed out, oldest first; also the lock of every field.</summary>
    private readonly Queue<ObjectRef<T>> _pending = new();
    private readonly Func<ObjectId> _nextId;
    private TaskCompletionSource _changed = NewSignal();
    private ObjectEntry<Unit>? _nextReady;

    /// <summary>The refs written to the stream so far, handed out or not: the index the next new item gets.</summary>
    private int _written;

    /// <summary>The items the task's current attempt produced; a retry starts again at 0 (see <see cref="Append"/>).</summary>
    private int _produced;
    private bool _ended;

    internal ObjectRefGenerator(ObjectRef<Unit> completion, Func<ObjectId> nextId)
    {
        Completion = completion;
        _nextId = nextId;
    }

    /// <summary>Ready when the task has ended; it throws the task's error if it failed.</summary>
    public ObjectRef<Unit> Completion { get; }

    /// <summary>How many refs the task has yielded so far, including those already handed out.</summary>
    public int Count
    {
        get
        {
            lock (_pending)
            {
                return _written;
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
            lock (_pending)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>True when the task has ended and <see cref="TryNext"/> has taken every ref (Ray's <c>is_finished()</c>).</summary>
    public bool IsFinished
    {
        get
        {
            lock (_pending)
            {
                return _ended && _pending.Count == 0;
            }
        }
    }

    /// <summary>
    /// Takes the ref at the generator's cursor without blocking, as Ray's <c>next(gen)</c> after <c>ray.wait([gen])</c>.
    /// Enumeration takes from the same cursor: a ref taken here is not yielded by a later <c>foreach</c>.
    /// </summary>
    /// <param name="next">The next ref, when one is there.</param>
    /// <returns>False when nothing is yielded past the cursor yet, or (see <see cref="IsFinished"/>) the task has ended.</returns>
    public bool TryNext([NotNullWhen(true)] out ObjectRef<T>? next)
    {
        lock (_pending)
        {
            return _pending.TryDequeue(out next);
        }
    }

    /// <inheritdoc />
    public IEnumerator<ObjectRef<T>> GetEnumerator()
    {
        while (true)
        {
            var state = Take(out var next, out var changed);
            if (state == Slot.Item)
            {
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
        while (true)
        {
            var state = Take(out var next, out var changed);
            if (state == Slot.Item)
            {
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
        lock (_pending)
        {
            if (_pending.Count > 0 || _ended)
            {
                return ObjectEntry<Unit>.Ready(_nextId(), default(Unit));
            }

            return _nextReady ??= new ObjectEntry<Unit>(_nextId());
        }
    }

    /// <summary>
    /// Adds an item the task produced, accounted in <paramref name="store"/> when given. An item a retried attempt
    /// produces again (its index was already written by an earlier attempt) is dropped, as Ray's owner ignores a
    /// reported index it has already used: readers see each index once, from the attempt that first produced it.
    /// </summary>
    internal void Append(T value, Objects.Store.ObjectStore? store = null)
    {
        lock (_pending)
        {
            if (_produced++ < _written || _ended)
            {
                return;
            }
        }

        var entry = ObjectEntry<T>.Ready(_nextId(), value);
        store?.AdmitProduced(entry);
        Add(entry);
    }

    /// <inheritdoc />
    void IObjectStream.RestartAttempt()
    {
        lock (_pending)
        {
            _produced = 0;
        }
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
        lock (_pending)
        {
            if (_ended)
            {
                return;
            }

            if (entry is not null)
            {
                _pending.Enqueue(entry);
                _written++;
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

    /// <summary>Takes the ref at the cursor, or tells that the stream ended or has nothing yet (with the task to wait on).</summary>
    private Slot Take(out ObjectRef<T>? next, out Task? changed)
    {
        lock (_pending)
        {
            _pending.TryDequeue(out next);
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
