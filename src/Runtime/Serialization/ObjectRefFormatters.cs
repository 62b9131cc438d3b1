using System;
using System.Collections.Concurrent;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.CompilerServices;

namespace RaySharp.Serialization;

/// <summary>
/// Finds the <see cref="ObjectRefFormatter{T}"/> for an <c>ObjectRef&lt;T&gt;</c> without reflection over generics
/// (no <c>MakeGenericType</c>, so it stays NativeAOT-clean): each <see cref="ObjectRef{T}"/> type registers its
/// formatter when its first ref is made. A ref type asked for before any ref of it exists gets a formatter that looks
/// the registration up when it runs: a ref to write means one exists, and a ref read back needs a live object of that type.
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

    /// <summary>For a ref type none of whose refs exists yet: it finds the registration when it runs, or explains why no object can match.</summary>
    private sealed class Deferred<TRef> : IMessagePackFormatter<TRef>
    {
        public void Serialize(ref MessagePackWriter writer, TRef value, MessagePackSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNil();
            }
            else
            {
                ObjectRefFormatter<int>.WriteRef(ref writer, (ObjectRef)(object)value, options);
            }
        }

        public TRef Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            if (Registered() is { } formatter)
            {
                return formatter.Deserialize(ref reader, options);
            }

            if (reader.TryReadNil())
            {
                return default!;
            }

            var id = ObjectRefFormatter<int>.ReadObjectId(ref reader);
            throw ObjectRefFormatter<int>.NotReadable(id, typeof(TRef).GetGenericArguments()[0], ObjectRefFormatter<int>.FindEntry(id, options), options);
        }

        private static IMessagePackFormatter<TRef>? Registered() =>
            s_formatters.TryGetValue(typeof(TRef), out var formatter) ? (IMessagePackFormatter<TRef>)formatter : null;
    }
}
