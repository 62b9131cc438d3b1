using System;
using RaySharp.CompilerServices;
using RaySharp.Serialization;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// Interfaces, abstract classes and <c>object</c>: the declared type says nothing about the value, so each value is
/// looked at. A value whose own type is immutable (known to the runtime, registered, or marked
/// <see cref="RayImmutableAttribute"/>) is kept by reference; any other is serialized as the declared type.
/// </summary>
/// <typeparam name="T">The declared type.</typeparam>
internal sealed class PolymorphicPolicy<T> : CopyPolicy<T>
{
    public static readonly PolymorphicPolicy<T> Instance = new();

    public override ObjectCopyMode Mode => ObjectCopyMode.Serialize;

    public override Frozen<T> Freeze(T value)
    {
        if (value is null || RuntimeTypes.IsImmutable(value.GetType()))
        {
            return new(value, null, ByReferencePolicy<T>.Instance);
        }

        if (!RaySerializer.CanSerialize<T>())
        {
            ThrowNotCopyable(value.GetType());
        }

        return SerializePolicy<T>.Instance.Freeze(value);
    }

    public override T Thaw(T stored, byte[]? bytes) => SerializePolicy<T>.Instance.Thaw(stored, bytes);

    private static void ThrowNotCopyable(Type actual) => throw new NotSupportedException(
        $"RaySharp cannot store this {actual.FullName} declared as {typeof(T).FullName}: the object store must snapshot mutable "
        + $"values, {actual.Name} is not known to be immutable, and no MessagePack formatter is known for {typeof(T).Name}. If "
        + $"{actual.Name} is deeply immutable, mark it [RayImmutable] and it is stored by reference; otherwise give {typeof(T).Name} "
        + "a formatter ([Union] on a [MessagePackObject] hierarchy, a resolver registered with RaySerializer.Register, or one in "
        + "RayOptions.FormatterResolvers).");
}
