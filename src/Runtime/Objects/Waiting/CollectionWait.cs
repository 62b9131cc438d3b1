using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace RaySharp.Objects.Waiting;

/// <summary>
/// The <see cref="List{T}"/> and array forms of <c>Ray.Wait</c>: their not-ready refs come back as a new collection of
/// the caller's type, remembered with the <see cref="WaitView{TRef}"/> it copies. Passed back unchanged (no ref added,
/// removed or moved) and still the latest, the collection continues that wait set, so no ref is registered on twice;
/// otherwise (say, after <c>refs.Add(next)</c>) it starts a new set, as any other list would.
/// </summary>
internal static class CollectionWait
{
    private static readonly ConditionalWeakTable<object, object> s_views = new();

    /// <summary>What to wait on for <paramref name="references"/>: the view it was copied from when it still matches, else itself.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="references"/> is null.</exception>
    public static IReadOnlyList<TRef> Source<TRef>(IReadOnlyList<TRef> references)
        where TRef : ObjectRef
    {
        ArgumentNullException.ThrowIfNull(references);
        return s_views.TryGetValue(references, out var found) && found is WaitView<TRef> { IsLatest: true } view && Matches(references, view)
            ? view
            : references;
    }

    /// <summary>A new list of <paramref name="refs"/>, remembered with them when they are a wait view.</summary>
    public static List<TRef> ToList<TRef>(IReadOnlyList<TRef> refs)
        where TRef : ObjectRef
    {
        var list = new List<TRef>(refs.Count);
        if (refs is WaitView<TRef> view)
        {
            CollectionsMarshal.SetCount(list, view.Count);
            view.CopyTo(CollectionsMarshal.AsSpan(list));
            s_views.AddOrUpdate(list, view);
        }
        else
        {
            list.AddRange(refs);
        }

        return list;
    }

    /// <summary>A new array of <paramref name="refs"/>, remembered with them when they are a wait view.</summary>
    public static TRef[] ToArray<TRef>(IReadOnlyList<TRef> refs)
        where TRef : ObjectRef
    {
        if (refs is not WaitView<TRef> view)
        {
            return [.. refs];
        }

        var array = new TRef[view.Count];
        view.CopyTo(array);
        s_views.AddOrUpdate(array, view);
        return array;
    }

    /// <summary>A list-form or array-form result: the ready refs, and the rest copied by <paramref name="copy"/>.</summary>
    public static WaitResult<TRef, TCollection> Copy<TRef, TCollection>(WaitResult<TRef> result, Func<IReadOnlyList<TRef>, TCollection> copy)
        where TRef : ObjectRef
        where TCollection : IReadOnlyList<TRef> =>
        new(result.Ready, copy(result.NotReady));

    /// <summary><see cref="Copy{TRef, TCollection}(WaitResult{TRef}, Func{IReadOnlyList{TRef}, TCollection})"/> once the wait is done, synchronously if it already is.</summary>
    public static ValueTask<WaitResult<TRef, TCollection>> Copy<TRef, TCollection>(ValueTask<WaitResult<TRef>> waiting, Func<IReadOnlyList<TRef>, TCollection> copy)
        where TRef : ObjectRef
        where TCollection : IReadOnlyList<TRef>
    {
        return waiting.IsCompletedSuccessfully ? new(Copy(waiting.Result, copy)) : CopyLater(waiting, copy);

        static async ValueTask<WaitResult<TRef, TCollection>> CopyLater(ValueTask<WaitResult<TRef>> waiting, Func<IReadOnlyList<TRef>, TCollection> copy) =>
            Copy(await waiting.ConfigureAwait(false), copy);
    }

    private static bool Matches<TRef>(IReadOnlyList<TRef> references, WaitView<TRef> view)
        where TRef : ObjectRef =>
        references switch
        {
            List<TRef> list => view.SequenceEqual(CollectionsMarshal.AsSpan(list)),
            TRef[] array => view.SequenceEqual(array),
            _ => false,
        };
}
