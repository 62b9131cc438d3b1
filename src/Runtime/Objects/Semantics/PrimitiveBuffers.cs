using System;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// The read-only buffer policies the runtime knows without generated code: <see cref="ReadOnlyMemory{T}"/> of the
/// primitive types. A fixed table, since building a policy for an element type known only at run time would need
/// <c>MakeGenericType</c>; other element types are registered by the generator or with <c>ObjectSemantics.RegisterReadOnlyBuffer</c>.
/// </summary>
internal static class PrimitiveBuffers
{
    public static CopyPolicy<T>? Find<T>()
    {
        object? policy =
            typeof(T) == typeof(ReadOnlyMemory<byte>) ? ReadOnlyBufferPolicy<byte>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<sbyte>) ? ReadOnlyBufferPolicy<sbyte>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<short>) ? ReadOnlyBufferPolicy<short>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<ushort>) ? ReadOnlyBufferPolicy<ushort>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<int>) ? ReadOnlyBufferPolicy<int>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<uint>) ? ReadOnlyBufferPolicy<uint>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<long>) ? ReadOnlyBufferPolicy<long>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<ulong>) ? ReadOnlyBufferPolicy<ulong>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<float>) ? ReadOnlyBufferPolicy<float>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<double>) ? ReadOnlyBufferPolicy<double>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<Half>) ? ReadOnlyBufferPolicy<Half>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<decimal>) ? ReadOnlyBufferPolicy<decimal>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<char>) ? ReadOnlyBufferPolicy<char>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<bool>) ? ReadOnlyBufferPolicy<bool>.Instance
            : typeof(T) == typeof(ReadOnlyMemory<string>) ? ReadOnlyBufferPolicy<string>.Instance
            : null;
        return (CopyPolicy<T>?)policy;
    }
}
