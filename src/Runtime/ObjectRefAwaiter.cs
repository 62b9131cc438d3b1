using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using RaySharp.Objects;

namespace RaySharp;

/// <summary>The awaiter behind <c>await</c> on an <see cref="ObjectRef"/>; it throws the object's error, if any.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ObjectRefAwaiter : ICriticalNotifyCompletion
{
    private readonly ObjectRef _entry;

    internal ObjectRefAwaiter(ObjectRef entry) => _entry = entry;

    /// <summary>True when the object is ready.</summary>
    public bool IsCompleted => _entry.IsCompleted;

    /// <summary>Throws the object's error, if it has one.</summary>
    public void GetResult()
    {
        Interruption.ThrowIfResumedEarly(_entry);
        _entry.ThrowIfFailed();
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => ContinuationWaiter.Register(_entry, continuation, flowContext: true);

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => ContinuationWaiter.Register(_entry, continuation, flowContext: false);
}

/// <summary>The awaiter behind <c>await</c> on an <see cref="ObjectRef{T}"/>; it returns the value or throws the error.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ObjectRefAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly ObjectEntry<T> _entry;

    internal ObjectRefAwaiter(ObjectEntry<T> entry) => _entry = entry;

    /// <summary>True when the object is ready.</summary>
    public bool IsCompleted => _entry.IsCompleted;

    /// <summary>The value, or the object's error thrown.</summary>
    public T GetResult()
    {
        Interruption.ThrowIfResumedEarly(_entry);
        _entry.ThrowIfFailed();
        return _entry.Value;
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => ContinuationWaiter.Register(_entry, continuation, flowContext: true);

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => ContinuationWaiter.Register(_entry, continuation, flowContext: false);
}
