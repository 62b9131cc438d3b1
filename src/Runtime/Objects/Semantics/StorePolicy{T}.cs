using System.Threading;
using RaySharp.CompilerServices;
using RaySharp.Serialization;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// The policy of one type: what generated code registered (it classifies every type in a remote signature at compile
/// time), or else the runtime default (see <see cref="ObjectSemantics"/>). Resolved once per type, no reflection after.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal static class StorePolicy<T>
{
    private static readonly Lock s_lock = new();
    private static CopyPolicy<T>? s_current;
    private static bool s_registered;
    /// <summary>The policy in force; entries and arguments keep the one that froze them, so a change never mixes forms.</summary>
    public static CopyPolicy<T> Current => s_current ?? Resolve();

    /// <summary>Sets the policy from a registration; the first registration of a type wins.</summary>
    public static void Register(CopyPolicy<T> policy)
    {
        lock (s_lock)
        {
            if (!s_registered)
            {
                s_registered = true;
                s_current = policy;
            }
        }
    }

    private static CopyPolicy<T> Resolve()
    {
        var policy = DefaultPolicy();
        lock (s_lock)
        {
            return s_current ??= policy;
        }
    }

    /// <summary>
    /// Known immutables by reference, known buffers zero-copy, arrays of immutables cloned, interfaces and abstract types
    /// judged per value, the rest serialized.
    /// </summary>
    private static CopyPolicy<T> DefaultPolicy()
    {
        var type = typeof(T);
        if (KnownImmutableTypes.IsImmutable(type))
        {
            return ByReferencePolicy<T>.Instance;
        }

        if (PrimitiveBuffers.Find<T>() is { } buffer)
        {
            return buffer;
        }

        return KnownImmutableTypes.IsArrayOfImmutable(type) ? ArrayClonePolicy<T>.Instance
            : RuntimeTypes.IsPolymorphic(type) ? PolymorphicPolicy<T>.Instance
            : SerializePolicy<T>.Instance;
    }
}
