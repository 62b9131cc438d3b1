using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Objects;

namespace RaySharp;

/// <summary>
/// A typed reference to an object in the store: the result of a remote call or of <see cref="Ray.Put{T}"/>.
/// Read it with <see cref="Get"/> (blocking) or <c>await</c> (holding no thread).
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>Every ref the runtime hands out is its entry for the object (<c>ObjectEntry&lt;T&gt;</c>, the only subclass).</remarks>
public abstract class ObjectRef<T> : ObjectRef
{
    /// <summary>Registers this type's MessagePack formatter when its first ref is made (see <see cref="Serialization.ObjectRefFormatters"/>).</summary>
    private static readonly bool s_formatterRegistered = Serialization.ObjectRefFormatters.Register<T>();

    private protected ObjectRef(ObjectId id)
        : base(id)
    {
        _ = s_formatterRegistered;
    }

    private protected ObjectRef(ObjectId id, bool ready)
        : base(id, ready)
    {
        _ = s_formatterRegistered;
    }

    /// <summary>This ref as its entry (the only subclass), without a type check.</summary>
    private ObjectEntry<T> Entry => Unsafe.As<ObjectEntry<T>>(this);

    /// <summary>Waits for the value and returns it.</summary>
    /// <param name="timeout">How long to wait; null waits forever, <see cref="TimeSpan.Zero"/> only polls and never blocks.</param>
    /// <exception cref="GetTimeoutException">The value was not ready in time; the task keeps running.</exception>
    /// <exception cref="RayTaskException">The task threw; the original exception is the inner exception.</exception>
    /// <exception cref="TaskCancelledException">The task was cancelled.</exception>
    /// <exception cref="RuntimeShutdownException">The runtime shut down before the value was ready.</exception>
    /// <remarks>Inside a task, a blocked <c>Get</c> gives the task's CPU back until it returns, so nested tasks cannot deadlock.</remarks>
    public T Get(TimeSpan? timeout = null)
    {
        if (!Entry.IsCompleted || timeout.HasValue)
        {
            WaitReady(timeout);
        }

        return ReadCompleted();
    }

    /// <summary>Waits for the value without holding a thread.</summary>
    /// <param name="cancellationToken">Stops waiting (the task itself is not cancelled; use <see cref="Ray.Cancel"/> for that).</param>
    public ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Entry.IsCompleted)
        {
            return Entry.IsFaulted ? ValueTask.FromException<T>(Entry.Error!) : new ValueTask<T>(Entry.Value);
        }

        return cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<T>(cancellationToken)
            : new ValueTask<T>(GetSlowAsync(cancellationToken));
    }

    /// <summary>Lets <c>await reference</c> return the value without holding a thread. Await it as often as you like.</summary>
    public new ObjectRefAwaiter<T> GetAwaiter() => new(Entry);

    /// <summary>The value of a ref that is known to be complete (a resolved task argument); throws its error otherwise.</summary>
    internal T ReadCompleted()
    {
        var entry = Entry;
        entry.ThrowIfFailed();
        return entry.Value;
    }

    private async Task<T> GetSlowAsync(CancellationToken cancellationToken)
    {
        await EntryTasks.WhenCompleted(Entry, cancellationToken).ConfigureAwait(false);
        return ReadCompleted();
    }
}
