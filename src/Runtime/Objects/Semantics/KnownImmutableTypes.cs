using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;
using RaySharp.Scheduling;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// The runtime's own view of immutability, for types no generated code registered: framework types known to be
/// immutable, enums, <see cref="RayImmutableAttribute"/>, refs and handles, and generic wrappers of those. It reads
/// only type identity, generic arguments and attributes, once per type, so it stays NativeAOT-clean.
/// </summary>
internal static class KnownImmutableTypes
{
    private static readonly HashSet<Type> s_leaves =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Half), typeof(Int128), typeof(UInt128), typeof(BigInteger), typeof(Complex),
        typeof(Uri), typeof(Version), typeof(Unit), typeof(ObjectId), typeof(ActorId), typeof(TaskId),
    ];

    /// <summary>Generic definitions that are immutable when all their type arguments are.</summary>
    private static readonly HashSet<Type> s_wrappers =
    [
        typeof(Nullable<>), typeof(KeyValuePair<,>),
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
        typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),
        typeof(Tuple<>), typeof(Tuple<,>), typeof(Tuple<,,>), typeof(Tuple<,,,>),
        typeof(Tuple<,,,,>), typeof(Tuple<,,,,,>), typeof(Tuple<,,,,,,>), typeof(Tuple<,,,,,,,>),
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableDictionary<,>),
        typeof(ImmutableSortedSet<>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
        typeof(IImmutableList<>), typeof(IImmutableSet<>), typeof(IImmutableDictionary<,>), typeof(IImmutableQueue<>), typeof(IImmutableStack<>),
    ];

    /// <summary>True when every value of <paramref name="type"/> is known never to change.</summary>
    public static bool IsImmutable(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || s_leaves.Contains(type)
            || typeof(ObjectRef).IsAssignableFrom(type) || typeof(ActorHandle).IsAssignableFrom(type)
            || type.IsDefined(typeof(RayImmutableAttribute), inherit: false))
        {
            return true;
        }

        if (!type.IsGenericType || type.IsGenericTypeDefinition || !s_wrappers.Contains(type.GetGenericTypeDefinition()))
        {
            return false;
        }

        foreach (var argument in type.GetGenericArguments())
        {
            if (!IsImmutable(argument))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for arrays (any rank) whose elements are immutable: a shallow clone is a full snapshot.</summary>
    public static bool IsArrayOfImmutable(Type type) =>
        type.IsArray && type.GetElementType() is { } element && IsImmutable(element);
}
