using System;
using System.ComponentModel;
using RaySharp.Objects.Semantics;

namespace RaySharp.CompilerServices;

/// <summary>
/// How the object store copies each type (Ray's contract: an object in the store never changes, and no reader sees
/// another's changes). The source generator classifies every parameter and return type of remote methods at compile
/// time and registers the result here at module initialization; types it never saw get the runtime default.
/// </summary>
/// <remarks>
/// <para>Runtime default, decided once per type: primitives, <c>string</c>, enums, the immutable framework types
/// (<c>decimal</c>, date and time types, <c>Guid</c>, <c>Uri</c>, <c>Version</c>, <c>BigInteger</c>), refs, actor
/// handles, types marked <see cref="RayImmutableAttribute"/>, and nullables, tuples, <c>KeyValuePair</c> and
/// <c>System.Collections.Immutable</c> collections of those are <see cref="ObjectCopyMode.ByReference"/>;
/// <c>ReadOnlyMemory</c> of primitives and <c>string</c> is <see cref="ObjectCopyMode.ReadOnlyBuffer"/>; arrays of
/// immutable elements are <see cref="ObjectCopyMode.CloneArray"/>; for interfaces, abstract classes and <c>object</c>
/// each value is judged by its own type (kept by reference when that type is immutable, else serialized as the
/// declared type); everything else is
/// <see cref="ObjectCopyMode.Serialize"/>, and storing it throws <see cref="NotSupportedException"/> when no
/// MessagePack formatter is known for it.</para>
/// <para>The first registration of a type wins, and values already stored keep the form they were stored in.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ObjectSemantics
{
    /// <summary>The mode the store uses for <typeparamref name="T"/>.</summary>
    public static ObjectCopyMode ModeOf<T>() => StorePolicy<T>.Current.Mode;

    /// <summary>Registers how <typeparamref name="T"/> is stored; generated code calls it at module initialization.</summary>
    /// <param name="mode"><see cref="ObjectCopyMode.ByReference"/>, <see cref="ObjectCopyMode.CloneArray"/> or <see cref="ObjectCopyMode.Serialize"/>.</param>
    /// <exception cref="ArgumentException"><see cref="ObjectCopyMode.ReadOnlyBuffer"/> (use <see cref="RegisterReadOnlyBuffer{TElement}"/>),
    /// or <see cref="ObjectCopyMode.CloneArray"/> for a type that is not an array.</exception>
    public static void Register<T>(ObjectCopyMode mode)
    {
        CopyPolicy<T> policy = mode switch
        {
            ObjectCopyMode.ByReference => ByReferencePolicy<T>.Instance,
            ObjectCopyMode.CloneArray when typeof(T).IsArray => ArrayClonePolicy<T>.Instance,
            ObjectCopyMode.CloneArray => throw new ArgumentException(
                $"ObjectCopyMode.CloneArray applies to array types only, not {typeof(T).FullName}.", nameof(mode)),
            ObjectCopyMode.Serialize when RuntimeTypes.IsPolymorphic(typeof(T)) => PolymorphicPolicy<T>.Instance,
            ObjectCopyMode.Serialize => SerializePolicy<T>.Instance,
            ObjectCopyMode.ReadOnlyBuffer => throw new ArgumentException(
                $"Register a read-only buffer with RegisterReadOnlyBuffer<TElement>() (for ReadOnlyMemory<TElement>), not Register<{typeof(T).Name}>.", nameof(mode)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an ObjectCopyMode."),
        };
        RuntimeTypes.Registered(typeof(T), mode);
        StorePolicy<T>.Register(policy);
    }

    /// <summary>
    /// Registers <see cref="ReadOnlyMemory{T}"/> of <typeparamref name="TElement"/> as a read-only buffer: copied once
    /// when stored, zero-copy on every read. Only sound when the elements are immutable (unmanaged or immutable types).
    /// </summary>
    public static void RegisterReadOnlyBuffer<TElement>() => StorePolicy<ReadOnlyMemory<TElement>>.Register(ReadOnlyBufferPolicy<TElement>.Instance);
}
