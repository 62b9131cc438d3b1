using System;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Objects.Waiting;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> view of a type that is enumerable both ways. Those types implement only
/// <see cref="IEnumerable{T}"/> (plus the <c>GetAsyncEnumerator</c> pattern for <c>await foreach</c>), because
/// implementing both interfaces makes LINQ calls such as <c>Select</c> ambiguous.
/// </summary>
internal sealed class AsyncSequence<T>(Func<CancellationToken, IAsyncEnumerator<T>> start) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => start(cancellationToken);
}
