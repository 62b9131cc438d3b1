using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;

namespace RaySharp.Objects.Waiting;

/// <summary>
/// The not-ready list of a <c>Ray.Wait</c> result: an immutable view of one generation of a <see cref="WaitSet{TRef}"/>.
/// Passing it back to <c>Wait</c> continues the set instead of starting over.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class WaitView<TRef>(WaitSet<TRef> set, int generation, int count) : IReadOnlyList<TRef>
    where TRef : ObjectRef
{
    public WaitSet<TRef> Set { get; } = set;

    public int Generation { get; } = generation;

    /// <summary>True when no later <c>Wait</c> has been made on the set, so it can continue from this view.</summary>
    public bool IsLatest => Set.Generation == Generation;

    public int Count { get; } = count;

    public TRef this[int index] => Set.ElementAt(Generation, index);

    /// <summary>Copies the refs into <paramref name="destination"/>, which holds <see cref="Count"/> of them.</summary>
    public void CopyTo(Span<TRef> destination) => Set.CopyTo(Generation, destination[..Count]);

    /// <summary>True when <paramref name="refs"/> holds exactly these refs, in this order.</summary>
    public bool SequenceEqual(ReadOnlySpan<TRef> refs) => refs.Length == Count && Set.SequenceEqual(Generation, refs);

    public IEnumerator<TRef> GetEnumerator() => Set.Enumerate(Generation).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
