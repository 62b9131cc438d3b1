using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace RaySharp.Util;

/// <summary>
/// The actor behind a <see cref="RayQueue{T}"/>: a bounded FIFO. It is an async actor, so its calls run one turn
/// at a time and blocked puts and gets wait at an await, holding no thread.
/// </summary>
internal sealed class QueueActor<T>(int maxSize)
{
    private readonly Queue<T> _items = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Size() => _items.Count;

    /// <summary>Adds <paramref name="item"/>, waiting up to <paramref name="timeout"/> for room; false when there was none.</summary>
    public async Task<bool> PutAsync(T item, TimeSpan? timeout)
    {
        if (!await WaitUntilAsync(() => !IsFull(1), timeout))
        {
            return false;
        }

        _items.Enqueue(item);
        Changed();
        return true;
    }

    /// <summary>Takes the oldest item, waiting up to <paramref name="timeout"/> for one.</summary>
    public async Task<(bool Found, T Item)> GetAsync(TimeSpan? timeout)
    {
        if (!await WaitUntilAsync(() => _items.Count > 0, timeout))
        {
            return (false, default!);
        }

        var item = _items.Dequeue();
        Changed();
        return (true, item);
    }

    /// <summary>Adds all items or none.</summary>
    public bool PutBatch(T[] items)
    {
        if (IsFull(items.Length))
        {
            return false;
        }

        foreach (var item in items)
        {
            _items.Enqueue(item);
        }

        Changed();
        return true;
    }

    /// <summary>Takes exactly <paramref name="count"/> items, or none when fewer are there.</summary>
    public T[]? GetBatch(int count)
    {
        if (_items.Count < count)
        {
            return null;
        }

        var taken = new T[count];
        for (var i = 0; i < count; i++)
        {
            taken[i] = _items.Dequeue();
        }

        Changed();
        return taken;
    }

    private bool IsFull(int adding) => maxSize > 0 && _items.Count + adding > maxSize;

    private void Changed()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }

    private async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout)
    {
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            var changed = _changed.Task;
            if (timeout is null)
            {
                await changed;
            }
            else if (await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                return condition();
            }
        }

        return true;
    }
}
