using System;
using System.Collections.Generic;
using System.Linq;

namespace RaySharp.Util;

/// <summary>
/// Spreads work over a fixed set of actors, each doing one item at a time (Ray's <c>ray.util.ActorPool</c>).
/// <c>Submit</c> hands a value to an idle actor (or queues it until one is free); <c>GetNext</c> returns results in
/// submission order, <c>GetNextUnordered</c> in completion order; <c>Map</c> and <c>MapUnordered</c> do both for a
/// whole sequence. Not thread-safe: use a pool from one thread, as in Ray.
/// </summary>
/// <typeparam name="THandle">The actors' handle type.</typeparam>
public sealed class ActorPool<THandle>
    where THandle : ActorHandle
{
    private readonly Stack<THandle> _idle;
    private readonly Dictionary<int, (ObjectRef Result, THandle Actor)> _inFlight = [];
    private readonly Queue<Func<THandle, ObjectRef>> _waiting = new();
    private int _nextSubmit;
    private int _nextReturn;

    /// <summary>Creates a pool over <paramref name="actors"/>.</summary>
    /// <exception cref="ArgumentException">The sequence is empty or holds a null.</exception>
    public ActorPool(IEnumerable<THandle> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var list = actors.ToList();
        if (list.Count == 0 || list.Any(a => a is null))
        {
            throw new ArgumentException("An ActorPool needs at least one actor, and no null handles.", nameof(actors));
        }

        _idle = new Stack<THandle>(Enumerable.Reverse(list));
    }

    /// <summary>True when some submitted result has not been returned by <c>GetNext</c> yet.</summary>
    public bool HasNext => _inFlight.Count > 0 || _waiting.Count > 0;

    /// <summary>True when an actor is idle and no submission waits for one.</summary>
    public bool HasFree => _idle.Count > 0 && _waiting.Count == 0;

    /// <summary>Runs <paramref name="call"/> on an idle actor for <paramref name="value"/>, or queues it until an actor is free.</summary>
    /// <param name="call">Calls one method of the actor, e.g. <c>(a, v) =&gt; a.Double(v)</c>.</param>
    /// <param name="value">The item for this call.</param>
    public void Submit<TValue>(Func<THandle, TValue, ObjectRef> call, TValue value)
    {
        ArgumentNullException.ThrowIfNull(call);
        Func<THandle, ObjectRef> bound = actor => call(actor, value);
        if (_idle.TryPop(out var actor))
        {
            Start(actor, bound);
        }
        else
        {
            _waiting.Enqueue(bound);
        }
    }

    /// <summary>The next result in submission order; its actor goes back to the pool.</summary>
    /// <param name="timeout">How long to wait; null waits forever.</param>
    /// <param name="ignoreIfTimedOut">On a timeout, give up on that result (Ray's <c>ignore_if_timedout</c>): it is
    /// dropped, its actor goes back to the pool, and the next call moves on to the following result. The
    /// <see cref="GetTimeoutException"/> is thrown either way.</param>
    /// <exception cref="InvalidOperationException">Nothing was submitted.</exception>
    /// <exception cref="GetTimeoutException">The result was not ready in time (it stays next unless ignored).</exception>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not the result type of that call.</exception>
    public T GetNext<T>(TimeSpan? timeout = null, bool ignoreIfTimedOut = false)
    {
        if (!_inFlight.TryGetValue(_nextReturn, out var next))
        {
            throw new InvalidOperationException("The ActorPool has no pending results; call Submit first (check HasNext).");
        }

        if (Ray.Wait([next.Result], timeout: timeout).Ready.Count == 0)
        {
            if (ignoreIfTimedOut)
            {
                Finish(_nextReturn);
            }

            throw new GetTimeoutException(next.Result, timeout ?? TimeSpan.Zero);
        }

        Finish(_nextReturn);
        return ((ObjectRef<T>)next.Result).Get();
    }

    /// <summary>Whichever submitted result is ready first; its actor goes back to the pool.</summary>
    /// <param name="timeout">How long to wait; null waits forever.</param>
    /// <param name="ignoreIfTimedOut">On a timeout, return <c>default</c> instead of throwing (Ray's
    /// <c>ignore_if_timedout</c>, which returns <c>None</c>); every result stays pending.</param>
    /// <exception cref="InvalidOperationException">Nothing was submitted.</exception>
    /// <exception cref="GetTimeoutException">No result was ready in time and <paramref name="ignoreIfTimedOut"/> is false.</exception>
    public T? GetNextUnordered<T>(TimeSpan? timeout = null, bool ignoreIfTimedOut = false)
    {
        if (_inFlight.Count == 0)
        {
            throw new InvalidOperationException("The ActorPool has no pending results; call Submit first (check HasNext).");
        }

        var refs = _inFlight.Values.Select(v => v.Result).ToList();
        var ready = Ray.Wait(refs, numReturns: 1, timeout: timeout).Ready;
        if (ready.Count == 0)
        {
            return ignoreIfTimedOut ? default : throw new GetTimeoutException(refs[0], timeout ?? TimeSpan.Zero);
        }

        var index = _inFlight.First(kv => kv.Value.Result.Equals(ready[0])).Key;
        Finish(index);
        return ((ObjectRef<T>)ready[0]).Get();
    }

    /// <summary>
    /// Submits every value at once (before the first result is read), then yields the results in input order as they
    /// arrive. Results of earlier <see cref="Submit"/> calls that are still pending are given up first (as in Ray, so
    /// the sequence holds only this map's results, gh-23107); their actors stay in the pool.
    /// </summary>
    public IEnumerable<TResult> Map<TValue, TResult>(Func<THandle, TValue, ObjectRef<TResult>> call, IEnumerable<TValue> values)
    {
        SubmitAll(call, values);
        return Results(() => GetNext<TResult>());
    }

    /// <summary>
    /// Submits every value at once, then yields the results in completion order. Earlier pending results are given
    /// up first, as in <see cref="Map"/>.
    /// </summary>
    public IEnumerable<TResult> MapUnordered<TValue, TResult>(Func<THandle, TValue, ObjectRef<TResult>> call, IEnumerable<TValue> values)
    {
        SubmitAll(call, values);
        return Results(() => GetNextUnordered<TResult>()!);
    }

    /// <summary>Adds an actor to the pool; it takes a waiting submission at once if there is one.</summary>
    /// <exception cref="ArgumentException">The actor already belongs to this pool (idle or busy).</exception>
    public void Push(THandle actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_idle.Contains(actor) || _inFlight.Values.Any(v => v.Actor.Equals(actor)))
        {
            throw new ArgumentException($"{actor} already belongs to this ActorPool; push each actor once.", nameof(actor));
        }

        Return(actor);
    }

    /// <summary>Takes an idle actor out of the pool, or returns null when none is idle.</summary>
    public THandle? PopIdle() => HasFree && _idle.TryPop(out var actor) ? actor : null;

    private IEnumerable<TResult> Results<TResult>(Func<TResult> next)
    {
        while (HasNext)
        {
            yield return next();
        }
    }

    /// <summary>Gives up every pending result (each actor goes back to the pool and starts any queued submission, whose result is given up too), then submits every value.</summary>
    private void SubmitAll<TValue, TResult>(Func<THandle, TValue, ObjectRef<TResult>> call, IEnumerable<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(values);
        while (_inFlight.Count > 0)
        {
            Finish(_nextReturn);
        }

        foreach (var value in values)
        {
            Submit(call, value);
        }
    }

    /// <summary>Result <paramref name="index"/> was handed out: its actor is free, and the in-order cursor skips past it.</summary>
    private void Finish(int index)
    {
        var actor = _inFlight[index].Actor;
        _inFlight.Remove(index);
        while (_nextReturn < _nextSubmit && !_inFlight.ContainsKey(_nextReturn))
        {
            _nextReturn++;
        }

        Return(actor);
    }

    private void Start(THandle actor, Func<THandle, ObjectRef> call) => _inFlight[_nextSubmit++] = (call(actor), actor);

    private void Return(THandle actor)
    {
        if (_waiting.TryDequeue(out var call))
        {
            Start(actor, call);
        }
        else
        {
            _idle.Push(actor);
        }
    }
}
