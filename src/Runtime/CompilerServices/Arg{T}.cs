using System;
using System.ComponentModel;
using System.Diagnostics;
using RaySharp.Objects.Semantics;

namespace RaySharp.CompilerServices;

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
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Arg<T>
{
    // Two fields, not a Frozen<T> beside a ref: a pending task holds one Arg per parameter, so 8 bytes here count.
    private readonly T _value;
    // The ObjectRef<T> of a ref argument, else Frozen<T>.Thawer of the value, or s_given when that is null; null only
    // in default(Arg<T>), which a stub reads as "not given" and replaces with the parameter's declared default.
    private static readonly object s_given = new();
    private readonly object? _refOrThawer;

    /// <summary>An argument passed by value.</summary>
    public Arg(T value)
    {
        var frozen = Frozen<T>.Of(value);
        _value = frozen.Stored;
        _refOrThawer = frozen.Thawer ?? s_given;
    }

    /// <summary>An argument passed by reference: the task waits for it and receives its value.</summary>
    public Arg(ObjectRef<T> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _value = default!;
        _refOrThawer = reference;
    }

    /// <summary>The ref, when the argument was passed by reference.</summary>
    public ObjectRef<T>? Ref => _refOrThawer as ObjectRef<T>;

    /// <summary>True when the argument was passed by reference.</summary>
    public bool IsRef => _refOrThawer is ObjectRef<T>;

    /// <summary>
    /// False only for <c>default(Arg&lt;T&gt;)</c>: a stub declares <c>Arg&lt;T&gt; x = default</c> for a parameter with a
    /// default value and passes that value when the caller gave none.
    /// </summary>
    public bool IsSpecified => _refOrThawer is not null;

    /// <summary>The value: the one passed (or, for a mutable type, a fresh copy of its snapshot), or the value of the ready ref.</summary>
    /// <exception cref="InvalidOperationException">The ref is not ready yet (only the scheduler reads arguments, after their refs are ready).</exception>
    public T Value => _refOrThawer is ObjectRef<T> reference ? Resolve(reference)
        : ReferenceEquals(_refOrThawer, s_given) ? _value
        : Frozen<T>.FromParts(_value, _refOrThawer).Thaw();

    /// <summary>Passes a value.</summary>
    public static implicit operator Arg<T>(T value) => new(value);

    /// <summary>Passes a ref; the task receives its value.</summary>
    public static implicit operator Arg<T>(ObjectRef<T> reference) => new(reference);

    /// <inheritdoc />
    public override string ToString() => _refOrThawer switch
    {
        ObjectRef<T> reference => reference.ToString(),
        byte[] or Snapshot => $"{typeof(T).Name} snapshot",
        _ => _value?.ToString() ?? "null",
    };

    private static T Resolve(ObjectRef<T> reference) =>
        reference.IsReady
            ? reference.ReadCompleted()
            : throw new InvalidOperationException($"{reference} is not ready; argument values are read only after every ref argument is ready.");
}
