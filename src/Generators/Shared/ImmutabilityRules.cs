using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RaySharp.Generators.Shared;

/// <summary>
/// Decides at compile time how the object store keeps each parameter and return type of a remote method: by reference
/// when it is deeply immutable, as a read-only buffer, as an array block copy, or as a MessagePack snapshot. The
/// generator registers the result with the runtime; the runtime decides alone for types no generated code saw.
/// </summary>
/// <remarks>
/// <para>Deeply immutable: primitives, <c>string</c>, enums, the immutable framework types (<c>decimal</c>, date and
/// time types, <c>Guid</c>, <c>Uri</c>, <c>Version</c>, <c>BigInteger</c>, <c>Half</c>, <c>Int128</c>), RaySharp's refs,
/// handles and ids; nullables, tuples, <c>KeyValuePair</c> and <c>System.Collections.Immutable</c> collections of
/// immutable types; types marked <c>[RayImmutable]</c>; classes and records declared in this compilation whose instance
/// fields (backing fields included, base classes included) are all readonly (<c>get</c>-only or <c>init</c> properties)
/// and of immutable types; structs whose fields are all of immutable types (a struct is copied whenever it is read, so
/// its own fields need not be readonly).</para>
/// <para>Mutable: arrays, other framework types (<c>List</c>, <c>Dictionary</c>, <c>StringBuilder</c>, <c>Memory</c>, ...),
/// <c>object</c>, interfaces and abstract classes (the value's real type is unknown), delegates, and classes with a
/// settable field or property or a primary constructor (its parameters are hidden mutable fields).</para>
/// <para>Unknown: a class or struct from another assembly without <c>[RayImmutable]</c> (its private fields are not
/// visible here): nothing is registered, and the runtime default applies (a snapshot).</para>
/// </remarks>
internal sealed class ImmutabilityRules
{
    private static readonly HashSet<string> s_immutableLeaves = new()
    {
        "System.DateTimeOffset", "System.TimeSpan", "System.Guid", "System.DateOnly", "System.TimeOnly", "System.Half",
        "System.Int128", "System.UInt128", "System.Numerics.BigInteger", "System.Numerics.Complex", "System.Uri", "System.Version",
        KnownNames.Unit, KnownNames.ActorId, "RaySharp.ObjectId", "RaySharp.TaskId", KnownNames.ObjectRefOfT, "RaySharp.ObjectRef",
    };

    /// <summary>Generic types that are immutable when every type argument is.</summary>
    private static readonly HashSet<string> s_wrappers = new()
    {
        "System.Nullable`1", "System.Collections.Generic.KeyValuePair`2",
        "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
        "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8",
        "System.Tuple`1", "System.Tuple`2", "System.Tuple`3", "System.Tuple`4",
        "System.Tuple`5", "System.Tuple`6", "System.Tuple`7", "System.Tuple`8",
        "System.Collections.Immutable.ImmutableArray`1", "System.Collections.Immutable.ImmutableList`1",
        "System.Collections.Immutable.ImmutableHashSet`1", "System.Collections.Immutable.ImmutableDictionary`2",
        "System.Collections.Immutable.ImmutableSortedSet`1", "System.Collections.Immutable.ImmutableSortedDictionary`2",
        "System.Collections.Immutable.ImmutableQueue`1", "System.Collections.Immutable.ImmutableStack`1",
        "System.Collections.Immutable.IImmutableList`1", "System.Collections.Immutable.IImmutableSet`1",
        "System.Collections.Immutable.IImmutableDictionary`2", "System.Collections.Immutable.IImmutableQueue`1",
        "System.Collections.Immutable.IImmutableStack`1",
    };

    private const string ReadOnlyMemory = "System.ReadOnlyMemory`1";
    private const string RayImmutableAttribute = "RaySharp.RayImmutableAttribute";

    private readonly IAssemblySymbol _assembly;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ITypeSymbol> _visiting = new(SymbolEqualityComparer.Default);

    private ImmutabilityRules(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        _assembly = assembly;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether a type's values can never change: true, false, or null when this compilation cannot tell.</summary>
    /// <param name="type">Any type.</param>
    /// <param name="assembly">The assembly being compiled: only its own types' private fields are visible.</param>
    /// <param name="cancellationToken">Checked once per visited type.</param>
    public static bool? IsDeeplyImmutable(ITypeSymbol type, IAssemblySymbol assembly, CancellationToken cancellationToken) =>
        new ImmutabilityRules(assembly, cancellationToken).Immutable(type);

    /// <summary>
    /// The registration for a parameter or return type, or null when none is needed or possible: the runtime already
    /// knows the type (primitives, <c>string</c>, enums, refs, handles), this compilation cannot tell (another assembly's
    /// type), or generated code cannot name it (a private or protected nested type).
    /// </summary>
    public static StoreSpec? Classify(ITypeSymbol type, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var rules = new ImmutabilityRules(assembly, cancellationToken);
        if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic
            || type.IsRefLikeType || IsRuntimeKnown(type) || !DeclarationRules.IsVisibleToAssembly(type))
        {
            // Nothing to register, or nothing the registration file could name (a private or protected type).
            return null;
        }

        var key = type.ToDisplayString(TypeNames.Plain);
        if (type is IArrayTypeSymbol array)
        {
            var element = array.ElementType.IsUnmanagedType ? true : rules.Immutable(array.ElementType);
            return element is null ? null : new StoreSpec(key, element.Value ? StoreKind.CloneArray : StoreKind.Serialize, null);
        }

        if (type is INamedTypeSymbol named && TypeNames.MetadataName(named) == ReadOnlyMemory)
        {
            var item = named.TypeArguments[0];
            var element = item.IsUnmanagedType ? true : rules.Immutable(item);
            return element is null ? null
                : element.Value ? new StoreSpec(key, StoreKind.ReadOnlyBuffer, item.ToDisplayString(TypeNames.Plain))
                : new StoreSpec(key, StoreKind.Serialize, null);
        }

        var immutable = rules.Immutable(type);
        return immutable is null ? null : new StoreSpec(key, immutable.Value ? StoreKind.ByReference : StoreKind.Serialize, null);
    }

    /// <summary>Types whose mode the runtime finds alone, the same way: no registration needed.</summary>
    private static bool IsRuntimeKnown(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum || IsPrimitiveLike(type.SpecialType))
        {
            return true;
        }

        return type is INamedTypeSymbol named && (s_immutableLeaves.Contains(TypeNames.MetadataName(named)) || IsActorHandle(named));
    }

    private bool? Immutable(ITypeSymbol type)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return null;
        }

        if (HasAttribute(type, RayImmutableAttribute) || type.TypeKind == TypeKind.Enum || IsPrimitiveLike(type.SpecialType))
        {
            return true;
        }

        if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Delegate or TypeKind.Dynamic
            || type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
        {
            return false;
        }

        var metadataName = TypeNames.MetadataName(named);
        if (s_immutableLeaves.Contains(metadataName) || IsActorHandle(named))
        {
            return true;
        }

        if (s_wrappers.Contains(metadataName))
        {
            return All(named.TypeArguments);
        }

        var own = SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, _assembly);
        var ns = TypeNames.NamespaceOf(named);
        if (!own && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal)
            || ns == "RaySharp" || ns.StartsWith("RaySharp.", StringComparison.Ordinal)))
        {
            return false;
        }

        if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
        {
            return false;
        }

        if (!own)
        {
            return null;
        }

        if (!_visiting.Add(named))
        {
            // A cycle (a node that refers to its own type): immutable unless something else says otherwise.
            return true;
        }

        try
        {
            return named.TypeKind switch
            {
                TypeKind.Struct => Fields(named, requireReadOnly: false),
                TypeKind.Class => HasPrimaryConstructor(named) && !named.IsRecord ? false : Fields(named, requireReadOnly: true),
                _ => false,
            };
        }
        finally
        {
            _visiting.Remove(named);
        }
    }

    /// <summary>All instance fields (backing fields included) along the base chain, readonly when asked, of immutable types.</summary>
    private bool? Fields(INamedTypeSymbol type, bool requireReadOnly)
    {
        bool? result = true;
        for (INamedTypeSymbol? t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            if (!SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, _assembly))
            {
                // A base class from elsewhere: its private fields are not visible.
                return HasAttribute(t, RayImmutableAttribute) ? result : null;
            }

            foreach (var member in t.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsConst: false } field)
                {
                    if (requireReadOnly && !field.IsReadOnly)
                    {
                        return false;
                    }

                    result = And(result, Immutable(field.Type));
                }
                else if (member is IPropertySymbol { IsStatic: false } property && requireReadOnly
                    && property.SetMethod is { IsInitOnly: false } && IsAutoProperty(property))
                {
                    return false;
                }

                if (result == false)
                {
                    return false;
                }
            }
        }

        return result;
    }

    private bool? All(IEnumerable<ITypeSymbol> types)
    {
        bool? result = true;
        foreach (var type in types)
        {
            result = And(result, Immutable(type));
            if (result == false)
            {
                return false;
            }
        }

        return result;
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    /// <summary>An auto-property with a setter (its backing field may be hidden from <c>GetMembers</c>).</summary>
    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { AccessorList: { } accessors }
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null));

    private static bool HasPrimaryConstructor(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { ParameterList.Parameters.Count: > 0 });

    private static bool IsPrimitiveLike(SpecialType type) => type switch
    {
        SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal or SpecialType.System_Single
            or SpecialType.System_Double or SpecialType.System_String or SpecialType.System_IntPtr or SpecialType.System_UIntPtr
            or SpecialType.System_DateTime => true,
        _ => false,
    };

    private static bool IsActorHandle(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (TypeNames.MetadataName(t) == KnownNames.ActorHandle)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ITypeSymbol type, string metadataName) =>
        type.GetAttributes().Any(a => a.AttributeClass is { } c && TypeNames.MetadataName(c) == metadataName);
}
