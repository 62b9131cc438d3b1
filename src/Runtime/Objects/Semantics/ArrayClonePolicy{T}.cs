using System;
using RaySharp.CompilerServices;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// Arrays of immutable elements (<c>int[]</c>, <c>string[]</c>, arrays of unmanaged structs): a shallow clone is a
/// full snapshot, and for unmanaged elements it is one block copy. One copy when stored, one per read.
/// </summary>
/// <typeparam name="T">An array type.</typeparam>
internal sealed class ArrayClonePolicy<T> : CopyPolicy<T>
{
    public static readonly ArrayClonePolicy<T> Instance = new();

    public override CompilerServices.ObjectCopyMode Mode => CompilerServices.ObjectCopyMode.CloneArray;

    public override Frozen<T> Freeze(T value) => new(Clone(value), null, this);

    public override T Thaw(T stored, byte[]? bytes) => Clone(stored);

    private static T Clone(T value) => value is Array array ? (T)array.Clone() : value;
}
