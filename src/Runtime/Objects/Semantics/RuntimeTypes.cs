using System;
using System.Collections.Concurrent;
using RaySharp.CompilerServices;
using RaySharp.Serialization;

namespace RaySharp.Objects.Semantics;

/// <summary>Immutability of a value's own type, by <see cref="Type"/>: registrations first, then the runtime's rules; cached.</summary>
internal static class RuntimeTypes
{
    private static readonly ConcurrentDictionary<Type, bool> s_immutable = new();

    /// <summary>Records a registration, so values declared as an interface or base type are judged by it too.</summary>
    public static void Registered(Type type, ObjectCopyMode mode) => s_immutable.TryAdd(type, mode == ObjectCopyMode.ByReference);

    public static bool IsImmutable(Type type) => s_immutable.GetOrAdd(type, static t => KnownImmutableTypes.IsImmutable(t));

    /// <summary>True when the declared type cannot say how its values must be stored.</summary>
    public static bool IsPolymorphic(Type type) =>
        type == typeof(object) || type.IsInterface || (type.IsAbstract && !type.IsSealed && !type.IsArray);
}
