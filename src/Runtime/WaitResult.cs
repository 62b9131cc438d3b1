using System.Collections.Generic;

namespace RaySharp;

/// <summary>
/// What <see cref="Ray.Wait{TRef}(System.Collections.Generic.IReadOnlyList{TRef}, int, System.TimeSpan?)"/> and <see cref="Ray.WaitAsync{TRef}(System.Collections.Generic.IReadOnlyList{TRef}, int, System.TimeSpan?, System.Threading.CancellationToken)"/> return: the refs that are ready and those that are not, each in input order.
/// Deconstruct it: <c>(var ready, refs) = Ray.Wait(refs);</c>
/// </summary>
/// <typeparam name="TRef">The ref type, <see cref="ObjectRef{T}"/> or the untyped <see cref="ObjectRef"/>.</typeparam>
/// <param name="Ready">At most <c>numReturns</c> ready refs (a value or an error).</param>
/// <param name="NotReady">The rest. Passing it back to <c>Wait</c> costs O(numReturns · log n), not O(n).</param>
public readonly record struct WaitResult<TRef>(IReadOnlyList<TRef> Ready, IReadOnlyList<TRef> NotReady)
    where TRef : ObjectRef;
