using System;
using System.Collections.Concurrent;
using MessagePack;
using MessagePack.Formatters;

namespace RaySharp.Serialization;

/// <summary>
/// Finds the <see cref="ObjectRefFormatter{T}"/> for an <c>ObjectRef&lt;T&gt;</c> without reflection over generics
/// (no <c>MakeGenericType</c>, so it stays NativeAOT-clean): each <see cref="ObjectRef{T}"/> type registers its
/// formatter when its first ref is made. A ref type asked for before any ref of it exists gets a formatter that looks
/// the registration up when it runs (by then a ref to write exists; a ref to read needs a live object of that type).
/// </summary>
internal static class ObjectRefFormatters
{
    private static readonly ConcurrentDictionary<Type, object> s_formatters = new();

    public static bool Register<T>()
    {
        s_formatters.TryAdd(typeof(ObjectRef<T>), new ObjectRefFormatter<T>());
        return true;
    }

    /// <summary>The formatter when <typeparamref name="TRef"/> is an <c>ObjectRef&lt;T&gt;</c>, else null.</summary>
    public static object? Find<TRef>()
    {
        var type = typeof(TRef);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(ObjectRef<>))
        {
            return null;
        }

        return s_formatters.TryGetValue(type, out var formatter) ? formatter : new Deferred<TRef>();
    }

    private sealed class Deferred<TRef> : IMessagePackFormatter<TRef>
    {
        private IMessagePackFormatter<TRef>? _inner;

        public void Serialize(ref MessagePackWriter writer, TRef value, MessagePackSerializerOptions options) =>
            Inner.Serialize(ref writer, value, options);

        public TRef Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            Inner.Deserialize(ref reader, options);

        private IMessagePackFormatter<TRef> Inner =>
            _inner ??= s_formatters.TryGetValue(typeof(TRef), out var formatter)
                ? (IMessagePackFormatter<TRef>)formatter
                : throw new MessagePackSerializationException(
                    $"Cannot read a {typeof(TRef).Name}: no ref of that type, and so no object it could point to, exists in this process.");
    }
}
