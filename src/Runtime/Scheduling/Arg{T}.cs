using System;
using System.Diagnostics;
using RaySharp.Objects.Semantics;

namespace RaySharp;

/// <summary>
/// A remote-call argument that is either a value or an <see cref="ObjectRef{T}"/>; both convert implicitly,
/// so a stub takes either without overloads. A ref argument is resolved to its value before the task runs.
/// </summary>
/// <remarks>
/// A value is snapshotted when the argument is made, under the same rules as <see cref="Ray.Put{T}"/>: immutable values
/// are passed by reference, mutable ones are copied once, so the caller's later changes never reach the task.
/// </remarks>
/// <typeparam name="T">The parameter type.</typeparam>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Arg<T>
{
    private readonly Frozen<T> _value;

    /// <summary>An argument passed by value.</summary>
    public Arg(T value)
    {
        _value = Frozen<T>.Of(value);
        Ref = null;
    }

    /// <summary>An argument passed by reference: the task waits for it and receives its value.</summary>
    public Arg(ObjectRef<T> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _value = default;
        Ref = reference;
    }

    /// <summary>The ref, when the argument was passed by reference.</summary>
    public ObjectRef<T>? Ref { get; }

    /// <summary>True when the argument was passed by reference.</summary>
    public bool IsRef => Ref is not null;

    /// <summary>The value: the one passed (or, for a mutable type, a fresh copy of its snapshot), or the value of the ready ref.</summary>
    /// <exception cref="InvalidOperationException">The ref is not ready yet (only the scheduler reads arguments, after their refs are ready).</exception>
    public T Value => Ref is null ? _value.Thaw() : Resolve(Ref);

    /// <summary>Passes a value.</summary>
    public static implicit operator Arg<T>(T value) => new(value);

    /// <summary>Passes a ref; the task receives its value.</summary>
    public static implicit operator Arg<T>(ObjectRef<T> reference) => new(reference);

    /// <inheritdoc />
    public override string ToString() => Ref?.ToString() ?? (_value.Bytes is null ? _value.Stored?.ToString() ?? "null" : $"{typeof(T).Name} snapshot");

    private static T Resolve(ObjectRef<T> reference) =>
        reference.IsReady
            ? reference.ReadCompleted()
            : throw new InvalidOperationException($"{reference} is not ready; argument values are read only after every ref argument is ready.");
}
