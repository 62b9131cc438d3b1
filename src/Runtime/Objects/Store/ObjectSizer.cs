using System;
using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace RaySharp.Objects.Store;

/// <summary>
/// The size the store accounts for a value, in O(1) and without serializing it: the bytes of its data, without
/// object headers.
/// <list type="bullet">
/// <item>Unmanaged values (primitives, enums, plain structs): exactly their size.</item>
/// <item>Strings: exactly 2 bytes per char.</item>
/// <item>Arrays, <see cref="Memory{T}"/>, <see cref="ReadOnlyMemory{T}"/>, <see cref="ArraySegment{T}"/> and
/// <see cref="ImmutableArray{T}"/>: exactly length × element size (a reference counts 8 bytes; what it points to is not walked).</item>
/// <item>Other collections: 8 bytes per element, an estimate.</item>
/// <item>Any other object: <see cref="ObjectEstimate"/> bytes, an estimate. Once spilled, the exact bytes on disk are reported too.</item>
/// </list>
/// </summary>
internal static class ObjectSizer
{
    /// <summary>What an object of unknown shape counts for.</summary>
    public const long ObjectEstimate = 64;

    private const long ReferenceBytes = 8;

    public static long Measure<T>(T value)
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            return Unsafe.SizeOf<T>();
        }

        if (typeof(T).IsValueType)
        {
            return Shape<T>.Kind == BufferKind.None ? Unsafe.SizeOf<T>() : MeasureBuffer(value);
        }

        return value is null ? 0 : MeasureObject(value);
    }

    private static long MeasureObject(object value) => value switch
    {
        string text => 2L * text.Length,
        Array array => array.LongLength * ElementSize(array),
        ObjectRef => 16,
        ICollection collection => ReferenceBytes * collection.Count,
        _ => ObjectEstimate,
    };

    private static long ElementSize(Array array)
    {
        var element = array.GetType().GetElementType()!;
        return element.IsValueType ? RuntimeHelpers.SizeOf(element.TypeHandle) : ReferenceBytes;
    }

    private static long MeasureBuffer<T>(T value)
    {
        long length = Shape<T>.Kind switch
        {
            // Memory<T>, ReadOnlyMemory<T> and ArraySegment<T> all start with (object, int start, int length).
            BufferKind.Span => Unsafe.As<T, SpanLayout>(ref value).Length,
            BufferKind.ImmutableArray => Unsafe.As<T, Array?>(ref value)?.LongLength ?? 0,
            _ => 0,
        };
        return length * Shape<T>.ElementSize;
    }

    private enum BufferKind
    {
        None,
        Span,
        ImmutableArray,
    }

    private readonly struct SpanLayout
    {
#pragma warning disable CS0649 // never assigned: read through Unsafe.As over the real struct
        public readonly object? Target;
        public readonly int Start;
        public readonly int Length;
#pragma warning restore CS0649
    }

    /// <summary>Whether a struct type is one of the buffer types above, found once per type.</summary>
    private static class Shape<T>
    {
        public static readonly BufferKind Kind;
        public static readonly long ElementSize;

        static Shape()
        {
            var type = typeof(T);
            if (!type.IsGenericType)
            {
                return;
            }

            var definition = type.GetGenericTypeDefinition();
            Kind = definition == typeof(Memory<>) || definition == typeof(ReadOnlyMemory<>) || definition == typeof(ArraySegment<>) ? BufferKind.Span
                : definition == typeof(ImmutableArray<>) ? BufferKind.ImmutableArray
                : BufferKind.None;
            if (Kind != BufferKind.None)
            {
                var element = type.GetGenericArguments()[0];
                ElementSize = element.IsValueType ? RuntimeHelpers.SizeOf(element.TypeHandle) : ReferenceBytes;
            }
        }
    }
}
