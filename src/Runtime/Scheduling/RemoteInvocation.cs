using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Scheduling;

/// <summary>
/// One run of a remote function, as the invoker sees it: the cancellation token to pass in, and the
/// <c>Return</c> methods that hand the result to the object store. For generated code and the low-level API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
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
        SetResult(value);
        return default;
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

    /// <summary>Stages the result; the store publishes it when the task finishes.</summary>
    private protected abstract void SetResult<T>(T value);

    private async ValueTask AwaitAsync<T>(Task<T> task) => SetResult(await task.ConfigureAwait(false));

    private async ValueTask AwaitUnitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        SetResult(Unit.Value);
    }
}
