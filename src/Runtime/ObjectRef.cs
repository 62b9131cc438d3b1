using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Objects;

namespace RaySharp;

/// <summary>
/// A reference to an object in the store, of any type: what <see cref="Ray.Wait{TRef}(System.Collections.Generic.IReadOnlyList{TRef}, int, System.TimeSpan?)"/> and
/// <see cref="Ray.Cancel"/> take, so refs of mixed types can travel together.
/// </summary>
/// <remarks>Two refs are equal when they name the same object id.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public abstract partial class ObjectRef : IEquatable<ObjectRef>
{
    /// <summary>The object's id: stable, unique, and plain data.</summary>
    public ObjectId Id { get; }

    /// <summary>
    /// True once the object has a value or an error; reading it then never blocks. Asking is a use: a value kept on
    /// another node of a cluster starts its pull to this one, and is ready once it is here.
    /// </summary>
    public bool IsReady
    {
        get
        {
            if (IsCompleted)
            {
                return true;
            }

            Demand();
            return IsCompleted;
        }
    }

    /// <summary>Waits until the object is ready, then throws its error if it has one.</summary>
    /// <param name="timeout">How long to wait; null waits forever, <see cref="TimeSpan.Zero"/> only polls.</param>
    /// <exception cref="GetTimeoutException">The object was not ready in time.</exception>
    /// <exception cref="RayTaskException">The task that produces the object threw.</exception>
    /// <exception cref="TaskCancelledException">The task was cancelled.</exception>
    public void WaitReady(TimeSpan? timeout = null)
    {
        var limit = Timeouts.Validate(timeout);
        if (!BlockingWait.Wait(this, limit))
        {
            throw new GetTimeoutException(this, limit);
        }

        ThrowIfFailed();
    }

    /// <summary>Lets <c>await reference</c> wait for readiness without holding a thread; it throws the object's error, if any.</summary>
    public ObjectRefAwaiter GetAwaiter() => new(this);

    /// <summary>A task that completes when the object is ready.</summary>
    /// <param name="cancellationToken">Stops waiting (the object itself is not cancelled).</param>
    public Task WhenReadyAsync(CancellationToken cancellationToken = default) =>
        IsCompleted && !IsFaulted ? Task.CompletedTask : WhenReadySlowAsync(cancellationToken);

    /// <inheritdoc />
    public bool Equals(ObjectRef? other) => other is not null && other.Id == Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObjectRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();

    /// <summary>The id and the state, for example <c>ObjectRef(…, ready)</c>.</summary>
    public override string ToString() => $"ObjectRef({Id}, {StateName})";

    private async Task WhenReadySlowAsync(CancellationToken cancellationToken)
    {
        if (!IsCompleted)
        {
            await EntryTasks.WhenCompleted(this, cancellationToken).ConfigureAwait(false);
        }

        ThrowIfFailed();
    }
}
