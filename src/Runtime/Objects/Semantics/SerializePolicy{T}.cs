using System;
using RaySharp.CompilerServices;
using RaySharp.Objects.Store;
using RaySharp.Serialization;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// Mutable values: serialized with MessagePack (the generated formatters) when stored, so later changes by the caller
/// do not reach the store; every read deserializes a fresh, independent copy.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class SerializePolicy<T> : CopyPolicy<T>
{
    public static readonly SerializePolicy<T> Instance = new();

    public override ObjectCopyMode Mode => ObjectCopyMode.Serialize;

    public override Frozen<T> Freeze(T value)
    {
        var options = RaySerializer.Options;
        if (options.Resolver.GetFormatter<T>() is null)
        {
            ThrowNotCopyable();
        }

        // Refs inside the value are written as ids; the scope collects the refs themselves so the snapshot keeps them alive.
        using var scope = NestedRefScope.Enter(store: null);
        var bytes = RaySerializer.Serialize(value, options);
        var writtenWith = options is RaySerializerOptions { HasOwnResolvers: true } ? options : null;
        return new(default!, bytes, this, scope.Found(), writtenWith);
    }

    public override T Thaw(T stored, byte[]? bytes) => RaySerializer.Deserialize<T>(bytes);

    private static void ThrowNotCopyable() => throw new NotSupportedException(
        $"RaySharp cannot store a {typeof(T).FullName}: the object store must snapshot mutable values (an object in the "
        + "store never changes), and no MessagePack formatter is known for this type. If the type is deeply immutable, mark "
        + "it [RayImmutable] and it is stored by reference; otherwise use it in a [RayRemote] signature so the generator writes "
        + "a formatter, give it [MessagePackObject], register a resolver with RaySerializer.Register, or give the runtime one in "
        + "RayOptions.FormatterResolvers.");
}
