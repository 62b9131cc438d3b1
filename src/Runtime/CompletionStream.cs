using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using RaySharp.Objects;
using RaySharp.Objects.Waiting;

namespace RaySharp;

/// <summary>
/// Refs in the order they finish (<see cref="Ray.AsCompleted{TRef}"/>): <c>foreach</c> blocks for the next one,
/// <c>await foreach</c> waits without a thread. Failed refs are yielded too; reading them throws their error.
/// Each enumeration starts over and yields every ref once.
/// </summary>
/// <typeparam name="TRef">The ref type.</typeparam>
public sealed class CompletionStream<TRef> : IEnumerable<TRef>
    where TRef : ObjectRef
{
    private readonly TRef[] _refs;

    internal CompletionStream(IEnumerable<TRef> refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        _refs = refs.ToArray();
        for (var i = 0; i < _refs.Length; i++)
        {
            if (_refs[i] is null)
            {
                throw new ArgumentException($"Ray.AsCompleted got a null ref at position {i}.", nameof(refs));
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<TRef> GetEnumerator()
    {
        var reader = Watch();
        for (var yielded = 0; yielded < _refs.Length; yielded++)
        {
            TRef? next;
            while (!reader.TryRead(out next))
            {
                Interruption.Block(reader.WaitToReadAsync().AsTask());
            }

            yield return next;
        }
    }

    /// <summary>Lets <c>await foreach</c> wait for each ref without holding a thread.</summary>
    public async IAsyncEnumerator<TRef> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var reader = Watch();
        for (var yielded = 0; yielded < _refs.Length; yielded++)
        {
            TRef? next;
            while (!reader.TryRead(out next))
            {
                await Interruption.WaitAsync(reader.WaitToReadAsync(cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
            }

            yield return next;
        }
    }

    /// <summary>The refs as an <see cref="IAsyncEnumerable{T}"/>, for async LINQ or <c>WithCancellation</c>.</summary>
    public IAsyncEnumerable<TRef> AsAsyncEnumerable() => new AsyncSequence<TRef>(GetAsyncEnumerator);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ChannelReader<TRef> Watch()
    {
        var channel = Channel.CreateUnbounded<TRef>(new UnboundedChannelOptions { SingleReader = true });
        var watcher = new Watcher(_refs, channel.Writer);
        for (var i = 0; i < _refs.Length; i++)
        {
            if (!_refs[i].TryRegister(watcher, i))
            {
                channel.Writer.TryWrite(_refs[i]);
            }
        }

        return channel.Reader;
    }

    private sealed class Watcher(TRef[] refs, ChannelWriter<TRef> writer) : IObjectWaiter
    {
        public void OnObjectCompleted(ObjectRef entry, int token) => writer.TryWrite(refs[token]);
    }
}
