using System.Collections.Generic;

namespace RaySharp;

/// <summary>
/// What <c>Ray.Wait</c> and <c>Ray.WaitAsync</c> return for a <see cref="List{T}"/> or an array of refs: the ready refs
/// and the rest, each in input order, the rest in the collection type that was passed, so the loop variable can be
/// reassigned: <c>(var ready, refs) = Ray.Wait(refs);</c> with <c>refs</c> a <c>List&lt;ObjectRef&lt;T&gt;&gt;</c> or an
/// <c>ObjectRef&lt;T&gt;[]</c>, and then <c>refs.Add(next)</c> for a list.
/// </summary>
/// <typeparam name="TRef">The ref type, <see cref="ObjectRef{T}"/> or the untyped <see cref="ObjectRef"/>.</typeparam>
/// <typeparam name="TCollection"><see cref="List{T}"/> or an array of <typeparamref name="TRef"/>.</typeparam>
/// <param name="Ready">At most <c>numReturns</c> ready refs (a value or an error).</param>
/// <param name="NotReady">The rest, a new collection the caller owns. Each call copies it, O(n); passed back unchanged,
/// it continues the same wait (no ref is registered on again). An <see cref="IReadOnlyList{T}"/> variable avoids the
/// copy: see <see cref="WaitResult{TRef}"/>.</param>
public readonly record struct WaitResult<TRef, TCollection>(IReadOnlyList<TRef> Ready, TCollection NotReady)
    where TRef : ObjectRef
    where TCollection : IReadOnlyList<TRef>;
