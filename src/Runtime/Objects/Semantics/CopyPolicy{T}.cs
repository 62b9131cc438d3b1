using RaySharp.CompilerServices;

namespace RaySharp.Objects.Semantics;

/// <summary>How values of one type enter the store (<see cref="Freeze"/>) and leave it (<see cref="Thaw"/>).</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal abstract class CopyPolicy<T>
{
    /// <summary>The mode, as <see cref="CompilerServices.ObjectSemantics.ModeOf{T}"/> reports it.</summary>
    public abstract CompilerServices.ObjectCopyMode Mode { get; }

    /// <summary>Takes what the store keeps from a caller's value, which the caller may go on mutating.</summary>
    public abstract Frozen<T> Freeze(T value);

    /// <summary>Turns what the store keeps into what one reader gets.</summary>
    public abstract T Thaw(T stored, byte[]? bytes);

    /// <summary>True when every reader gets the stored value itself, so <see cref="Thaw"/> need not be called.</summary>
    public virtual bool ReadsShareTheValue => false;
}

/// <summary>Deeply immutable values: kept and handed out as they are.</summary>
internal sealed class ByReferencePolicy<T> : CopyPolicy<T>
{
    public static readonly ByReferencePolicy<T> Instance = new();

    public override CompilerServices.ObjectCopyMode Mode => CompilerServices.ObjectCopyMode.ByReference;

    public override Frozen<T> Freeze(T value) => new(value, null, this);

    public override T Thaw(T stored, byte[]? bytes) => stored;

    public override bool ReadsShareTheValue => true;
}
