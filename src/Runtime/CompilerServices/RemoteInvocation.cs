using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.CompilerServices;

/// <summary>
/// One run of a remote function, as the invoker sees it: the cancellation token to pass in, and the
/// <c>Return</c> methods that hand the result to the object store. For generated code and the low-level API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RemoteInvocation
{
    private protected RemoteInvocation()
    {
    }

    /// <summary>The actor instance a method call runs on; null for tasks.</summary>
    public abstract object? Actor { get; }

    /// <summary>Signalled when the task is cancelled (<see cref="Ray.Cancel"/>) or the runtime shuts down.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Stores the function's return value.</summary>
    public ValueTask Return<T>(T value)
    {
        SetResult(0, value);
        return default;
    }

    /// <summary>Stores the two results of a function declared with <c>NumReturns = 2</c>, one per ref.</summary>
    public ValueTask ReturnMany<T1, T2>((T1, T2) values)
    {
        SetResult(0, values.Item1);
        SetResult(1, values.Item2);
        return default;
    }

    /// <summary>Stores the three results of a function declared with <c>NumReturns = 3</c>, one per ref.</summary>
    public ValueTask ReturnMany<T1, T2, T3>((T1, T2, T3) values)
    {
        SetResult(0, values.Item1);
        SetResult(1, values.Item2);
        SetResult(2, values.Item3);
        return default;
    }

    /// <summary>Stores the results of an async function declared with <c>NumReturns = 2</c>.</summary>
    public ValueTask ReturnManyAsync<T1, T2>(Task<(T1, T2)> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? ReturnMany(task.Result) : AwaitManyAsync(task);
    }

    /// <summary>Stores the results of an async function declared with <c>NumReturns = 3</c>.</summary>
    public ValueTask ReturnManyAsync<T1, T2, T3>(Task<(T1, T2, T3)> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? ReturnMany(task.Result) : AwaitManyAsync(task);
    }

    /// <summary>Streams the items of a generator function: each becomes its own ref as soon as it is produced.</summary>
    public ValueTask ReturnStream<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            AppendStreamItem(item);
        }

        return ReturnUnit();
    }

    /// <summary>Streams the items of an async generator function: each becomes its own ref as soon as it is produced.</summary>
    public async ValueTask ReturnStreamAsync<T>(IAsyncEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var item in items.WithCancellation(CancellationToken).ConfigureAwait(false))
        {
            AppendStreamItem(item);
        }

        SetResult(0, Unit.Value);
    }

    /// <summary>Hands the instance an actor constructor created to the runtime.</summary>
    public ValueTask ReturnActor(object instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        SetActorInstance(instance);
        return default;
    }

    /// <summary>Stores the unit value of a function that returns nothing.</summary>
    public ValueTask ReturnUnit() => Return(Unit.Value);

    /// <summary>Stores the result of an async function when its task completes.</summary>
    public ValueTask ReturnAsync<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? Return(task.Result) : AwaitAsync(task);
    }

    /// <summary>Stores the result of an async function when its value task completes.</summary>
    public ValueTask ReturnAsync<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? Return(task.Result) : AwaitAsync(task.AsTask());

    /// <summary>Stores the unit value when an async function that returns nothing completes.</summary>
    public ValueTask ReturnUnitAsync(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? ReturnUnit() : AwaitUnitAsync(task);
    }

    /// <summary>Stores the unit value when an async function that returns nothing completes.</summary>
    public ValueTask ReturnUnitAsync(ValueTask task) =>
        task.IsCompletedSuccessfully ? ReturnUnit() : AwaitUnitAsync(task.AsTask());

    /// <summary>Records the instance of a new actor.</summary>
    private protected abstract void SetActorInstance(object instance);

    /// <summary>Stages result <paramref name="index"/>; the store publishes it when the task finishes.</summary>
    private protected abstract void SetResult<T>(int index, T value);

    /// <summary>Publishes one item of a streaming task at once.</summary>
    private protected abstract void AppendStreamItem<T>(T item);

    private async ValueTask AwaitAsync<T>(Task<T> task) => SetResult(0, await task.ConfigureAwait(false));

    private async ValueTask AwaitManyAsync<T1, T2>(Task<(T1, T2)> task) => await ReturnMany(await task.ConfigureAwait(false)).ConfigureAwait(false);

    private async ValueTask AwaitManyAsync<T1, T2, T3>(Task<(T1, T2, T3)> task) => await ReturnMany(await task.ConfigureAwait(false)).ConfigureAwait(false);

    private async ValueTask AwaitUnitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        SetResult(0, Unit.Value);
    }
}
