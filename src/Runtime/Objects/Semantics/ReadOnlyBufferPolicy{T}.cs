using System;
using System.Runtime.InteropServices;
using RaySharp.CompilerServices;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// <see cref="ReadOnlyMemory{T}"/> of immutable elements: copied once into a store-owned array when stored (the caller
/// may hold a writable alias), unless it already lies in store-owned memory or over a string; every read returns the
/// stored memory itself, O(1) whatever its size.
/// </summary>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class ReadOnlyBufferPolicy<TElement> : CopyPolicy<ReadOnlyMemory<TElement>>
{
    public static readonly ReadOnlyBufferPolicy<TElement> Instance = new();

    public override CompilerServices.ObjectCopyMode Mode => CompilerServices.ObjectCopyMode.ReadOnlyBuffer;

    public override Frozen<ReadOnlyMemory<TElement>> Freeze(ReadOnlyMemory<TElement> value) => new(Own(value), null, this);

    public override ReadOnlyMemory<TElement> Thaw(ReadOnlyMemory<TElement> stored, byte[]? bytes) => stored;

    public override bool ReadsShareTheValue => true;

    /// <summary>Wraps an array the store now owns, without a copy (<c>PutOwned</c>).</summary>
    public Frozen<ReadOnlyMemory<TElement>> Adopt(TElement[] array)
    {
        OwnedBuffers.Add(array);
        return new(array, null, this);
    }

    private static ReadOnlyMemory<TElement> Own(ReadOnlyMemory<TElement> value)
    {
        if (value.IsEmpty || OwnedBuffers.Contains(value) || (typeof(TElement) == typeof(char) && IsOverString(value)))
        {
            return value;
        }

        var copy = GC.AllocateUninitializedArray<TElement>(value.Length);
        value.Span.CopyTo(copy);
        OwnedBuffers.Add(copy);
        return copy;
    }

    private static bool IsOverString(ReadOnlyMemory<TElement> value) =>
        MemoryMarshal.TryGetString((ReadOnlyMemory<char>)(object)value, out _, out _, out _);
}
