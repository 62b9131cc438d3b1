using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>The outcome of walking one parameter or return type: the formatters it needs, or the first member that cannot be serialized.</summary>
internal sealed class SerializationResult
{
    internal SerializationResult(List<FormatterSpec> formatters, string? failurePath, string? failureReason)
    {
        Formatters = formatters;
        FailurePath = failurePath;
        FailureReason = failureReason;
    }

    /// <summary>True when every reachable type can be serialized.</summary>
    public bool IsSerializable => FailurePath is null;

    /// <summary>The formatters the generated resolver must serve (empty when not serializable).</summary>
    public IReadOnlyList<FormatterSpec> Formatters { get; }

    /// <summary>The member path to the first type that cannot be serialized, such as <c>Order.Lines[].Product.Handle: System.IntPtr</c>.</summary>
    public string? FailurePath { get; }

    /// <summary>Why that type cannot be serialized, as a sentence fragment.</summary>
    public string? FailureReason { get; }
}

/// <summary>
/// Which types can cross a task boundary (RAY0003), and which MessagePack formatter serves each one. The generator
/// turns the specs into one resolver per assembly; the analyzer reports <see cref="SerializationResult.FailurePath"/>.
/// </summary>
/// <remarks>
/// Supported: primitives, <c>string</c>, <c>decimal</c>, date and time types, <c>Guid</c>, <c>Uri</c>, <c>Version</c>,
/// <c>BigInteger</c>; enums; nullable value types; arrays up to rank 4; the <c>System.Collections.Generic</c>,
/// <c>ObjectModel</c> and <c>Concurrent</c> collections and their interfaces; tuples and value tuples;
/// <c>KeyValuePair</c>; <c>Memory</c>, <c>ReadOnlyMemory</c>, <c>ArraySegment</c>, <c>ReadOnlySequence</c>;
/// <c>ImmutableArray</c>, <c>ImmutableList</c>, <c>ImmutableHashSet</c>, <c>ImmutableDictionary</c>; RaySharp's own
/// types (refs, handles, <c>Unit</c>); types with <c>[MessagePackObject]</c> or <c>[MessagePackFormatter]</c>; and
/// accessible, non-abstract records, classes and structs whose public members are all serializable and that have a
/// public constructor whose parameters all match public members by name (the one with most parameters is used;
/// other members must be settable). Everything else fails, naming the member path: <c>object</c>, <c>dynamic</c>,
/// pointers, <c>IntPtr</c>, delegates, ref structs, other interfaces and abstract classes, other framework types.
/// </remarks>
internal sealed class SerializationRules
{
    private const string Formatters = "global::MessagePack.Formatters.";

    private static readonly Dictionary<string, string> s_generic = new()
    {
        ["System.Collections.Generic.List`1"] = "ListFormatter",
        ["System.Collections.Generic.Dictionary`2"] = "DictionaryFormatter",
        ["System.Collections.Generic.HashSet`1"] = "HashSetFormatter",
        ["System.Collections.Generic.LinkedList`1"] = "LinkedListFormatter",
        ["System.Collections.Generic.Queue`1"] = "QueueFormatter",
        ["System.Collections.Generic.Stack`1"] = "StackFormatter",
        ["System.Collections.Generic.SortedDictionary`2"] = "SortedDictionaryFormatter",
        ["System.Collections.Generic.SortedList`2"] = "SortedListFormatter",
        ["System.Collections.Generic.IList`1"] = "InterfaceListFormatter2",
        ["System.Collections.Generic.ICollection`1"] = "InterfaceCollectionFormatter2",
        ["System.Collections.Generic.IEnumerable`1"] = "InterfaceEnumerableFormatter",
        ["System.Collections.Generic.IReadOnlyList`1"] = "InterfaceReadOnlyListFormatter",
        ["System.Collections.Generic.IReadOnlyCollection`1"] = "InterfaceReadOnlyCollectionFormatter",
        ["System.Collections.Generic.ISet`1"] = "InterfaceSetFormatter",
        ["System.Collections.Generic.IReadOnlySet`1"] = "InterfaceReadOnlySetFormatter",
        ["System.Collections.Generic.IDictionary`2"] = "InterfaceDictionaryFormatter",
        ["System.Collections.Generic.IReadOnlyDictionary`2"] = "InterfaceReadOnlyDictionaryFormatter",
        ["System.Collections.ObjectModel.ReadOnlyCollection`1"] = "ReadOnlyCollectionFormatter",
        ["System.Collections.ObjectModel.ObservableCollection`1"] = "ObservableCollectionFormatter",
        ["System.Collections.ObjectModel.ReadOnlyDictionary`2"] = "ReadOnlyDictionaryFormatter",
        ["System.Collections.Concurrent.ConcurrentDictionary`2"] = "ConcurrentDictionaryFormatter",
        ["System.Collections.Concurrent.ConcurrentQueue`1"] = "ConcurrentQueueFormatter",
        ["System.Collections.Concurrent.ConcurrentStack`1"] = "ConcurrentStackFormatter",
        ["System.Collections.Concurrent.ConcurrentBag`1"] = "ConcurrentBagFormatter",
        ["System.Collections.Generic.KeyValuePair`2"] = "KeyValuePairFormatter",
        ["System.Nullable`1"] = "NullableFormatter",
        ["System.Memory`1"] = "MemoryFormatter",
        ["System.ReadOnlyMemory`1"] = "ReadOnlyMemoryFormatter",
        ["System.ArraySegment`1"] = "ArraySegmentFormatter",
        ["System.Buffers.ReadOnlySequence`1"] = "ReadOnlySequenceFormatter",
    };

    private static readonly Dictionary<string, string> s_immutable = new()
    {
        ["System.Collections.Immutable.ImmutableArray`1"] = FormatterHelpers.ImmutableArray,
        ["System.Collections.Immutable.ImmutableList`1"] = FormatterHelpers.ImmutableList,
        ["System.Collections.Immutable.ImmutableHashSet`1"] = FormatterHelpers.ImmutableHashSet,
        ["System.Collections.Immutable.ImmutableDictionary`2"] = FormatterHelpers.ImmutableDictionary,
    };

    /// <summary>Non-generic framework types that MessagePack's <c>BuiltinResolver</c> serves without code generation.</summary>
    private static readonly HashSet<string> s_builtinLeaves = new()
    {
        "System.DateTimeOffset", "System.TimeSpan", "System.Guid", "System.Uri", "System.Version", "System.Half",
        "System.DateOnly", "System.TimeOnly", "System.Numerics.BigInteger", "System.Numerics.Complex",
        "System.Text.StringBuilder", "System.Collections.BitArray",
    };

    /// <summary>Element types whose arrays and lists <c>BuiltinResolver</c> serves.</summary>
    private static readonly HashSet<SpecialType> s_builtinElements = new()
    {
        SpecialType.System_Int16, SpecialType.System_Int32, SpecialType.System_Int64, SpecialType.System_UInt16,
        SpecialType.System_UInt32, SpecialType.System_UInt64, SpecialType.System_Single, SpecialType.System_Double,
        SpecialType.System_Boolean, SpecialType.System_Byte, SpecialType.System_SByte, SpecialType.System_DateTime,
        SpecialType.System_Char, SpecialType.System_String,
    };

    private readonly IAssemblySymbol _assembly;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ITypeSymbol> _visited = new(SymbolEqualityComparer.Default);
    private readonly List<FormatterSpec> _formatters = new();
    private readonly List<string> _path = new();
    private string? _failurePath;
    private string? _failureReason;

    private SerializationRules(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        _assembly = assembly;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Walks <paramref name="type"/> and everything reachable from it.</summary>
    /// <param name="type">A parameter or return type.</param>
    /// <param name="assembly">The assembly being compiled: its internal types are accessible, other assemblies' are not.</param>
    /// <param name="cancellationToken">Checked once per visited type.</param>
    public static SerializationResult Analyze(ITypeSymbol type, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var walk = new SerializationRules(assembly, cancellationToken);
        var root = type.ToDisplayString(TypeNames.Short);
        return walk.Visit(type, root)
            ? new SerializationResult(walk._formatters, null, null)
            : new SerializationResult(new List<FormatterSpec>(), walk._failurePath, walk._failureReason);
    }

    /// <summary>The spec of a generated actor handle: a runtime formatter, used when the runtime defines it.</summary>
    public static FormatterSpec HandleSpec(string handleType) =>
        new(handleType, "new global::RaySharp.CompilerServices.ActorHandleFormatter<" + handleType + ">()", null, FormatterHelpers.ActorHandleFormatter, null);

    private bool Visit(ITypeSymbol type, string root)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (type.TypeKind == TypeKind.Error
            || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && nullable.TypeArguments[0].TypeKind == TypeKind.Error))
        {
            // Not resolved here: a type another generator writes (such as an actor handle) or a compile error the
            // compiler reports anyway. Nothing to generate, nothing to report. `X?` over an unresolved X binds as
            // Nullable<X>; for a generated handle X it is a nullable reference, written by X's own formatter.
            return true;
        }

        if (!_visited.Add(type))
        {
            return true;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return VisitArray(array, root);
            case INamedTypeSymbol named:
                return VisitNamed(named, root);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return Fail(type, root, "pointers cannot leave the process");
            case IDynamicTypeSymbol:
                return Fail(type, root, "the type of a dynamic value is not known at compile time");
            case ITypeParameterSymbol:
                return Fail(type, root, "open generic types are not supported");
            default:
                return Fail(type, root, "no formatter is known for it");
        }
    }

    private bool VisitArray(IArrayTypeSymbol array, string root)
    {
        if (array.Rank > 4)
        {
            return Fail(array, root, "arrays of rank above 4 are not supported");
        }

        if (!VisitChild(array.ElementType, root, "[]"))
        {
            return false;
        }

        if (array.Rank == 1 && s_builtinElements.Contains(array.ElementType.SpecialType))
        {
            return true;
        }

        var formatter = array.Rank switch
        {
            1 => "ArrayFormatter",
            2 => "TwoDimensionalArrayFormatter",
            3 => "ThreeDimensionalArrayFormatter",
            _ => "FourDimensionalArrayFormatter",
        };
        return Add(array, Formatters + formatter + "<" + array.ElementType.ToDisplayString(TypeNames.Plain) + ">");
    }

    private bool VisitNamed(INamedTypeSymbol type, string root)
    {
        if (IsBuiltinLeaf(type))
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return Add(type, Formatters + "GenericEnumFormatter<" + Plain(type) + ">");
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return Fail(type, root, "delegates cannot be serialized");
        }

        if (type.IsRefLikeType)
        {
            return Fail(type, root, "ref structs cannot be stored");
        }

        var metadataName = TypeNames.MetadataName(type);
        if (metadataName == KnownNames.RayQueueOfT)
        {
            // A handle of the actor that keeps the items: written as its actor id; the items must cross the wire too.
            return VisitChild(type.TypeArguments[0], root, "[item]")
                && AddRuntime(type, "new global::RaySharp.CompilerServices.RayQueueFormatter<" + type.TypeArguments[0].ToDisplayString(TypeNames.Plain) + ">()", FormatterHelpers.RayQueueFormatter);
        }

        if (metadataName == KnownNames.ActorPoolOfT)
        {
            return Fail(type, root, "an ActorPool tracks its caller's calls in flight; pass the handles of its actors instead");
        }

        if (IsRuntimeType(type, metadataName))
        {
            return metadataName == KnownNames.ObjectRefOfT
                ? AddRuntime(type, "new global::RaySharp.CompilerServices.ObjectRefFormatter<" + type.TypeArguments[0].ToDisplayString(TypeNames.Plain) + ">()", FormatterHelpers.ObjectRefFormatter)
                : true;
        }

        if (type.IsTupleType || metadataName.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
            || metadataName.StartsWith("System.Tuple`", StringComparison.Ordinal))
        {
            var args = type.TypeArguments;
            for (var i = 0; i < args.Length; i++)
            {
                if (!VisitChild(args[i], root, i == 7 ? ".Rest" : ".Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    return false;
                }
            }

            var name = metadataName.StartsWith("System.Tuple`", StringComparison.Ordinal) ? "TupleFormatter" : "ValueTupleFormatter";
            return Add(type, Formatters + name + "<" + TypeArguments(type) + ">");
        }

        if (s_generic.TryGetValue(metadataName, out var generic) || s_immutable.TryGetValue(metadataName, out generic))
        {
            var args = type.TypeArguments;
            var nullable = metadataName == "System.Nullable`1";
            var pair = metadataName == "System.Collections.Generic.KeyValuePair`2";
            for (var i = 0; i < args.Length; i++)
            {
                var segment = nullable ? string.Empty
                    : pair ? (i == 0 ? ".Key" : ".Value")
                    : args.Length == 2 ? (i == 0 ? "[key]" : "[value]")
                    : "[]";
                if (!VisitChild(args[i], root, segment))
                {
                    return false;
                }
            }

            if (IsBuiltinGeneric(type, metadataName))
            {
                return true;
            }

            if (metadataName is "System.Memory`1" or "System.ReadOnlyMemory`1" or "System.ArraySegment`1"
                && !s_builtinElements.Contains(args[0].SpecialType))
            {
                // MessagePack's formatters for these read through the element array's formatter.
                var element = Plain(args[0]);
                _formatters.Add(new FormatterSpec(element + "[]", "new " + Formatters + "ArrayFormatter<" + element + ">()", null, null, null));
            }

            return FormatterHelpers.IsKnown(generic)
                ? AddHelper(type, generic)
                : Add(type, Formatters + generic + "<" + TypeArguments(type) + ">");
        }

        if (FindAttribute(type, KnownNames.MessagePackObjectAttribute) is not null)
        {
            // The user's own MessagePack contract: their resolver (or [MessagePackFormatter]) serves it.
            return true;
        }

        if (FindAttribute(type, KnownNames.MessagePackFormatterAttribute) is { } custom
            && custom.ConstructorArguments.Length > 0 && custom.ConstructorArguments[0].Value is INamedTypeSymbol formatterType
            && !formatterType.IsUnboundGenericType && formatterType.TypeParameters.Length == 0)
        {
            return Add(type, formatterType.ToDisplayString(TypeNames.Plain));
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return Fail(type, root, "an interface does not say which type to create when reading");
        }

        var ns = TypeNames.NamespaceOf(type);
        if (type.SpecialType != SpecialType.None || ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
            || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return Fail(type, root, "no MessagePack formatter is known for this framework type");
        }

        if (type.IsAbstract || type.IsStatic)
        {
            return Fail(type, root, "an abstract or static type cannot be created when reading");
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return Fail(type, root, "no formatter is known for it");
        }

        if (!IsAccessible(type))
        {
            return Fail(type, root, "the generated formatter cannot reach a type that is not public or internal");
        }

        return VisitObject(type, root);
    }

    private bool VisitObject(INamedTypeSymbol type, string root)
    {
        var members = PublicMembers(type);
        var constructor = ChooseConstructor(type, members);
        if (constructor is null)
        {
            return Fail(type, root, "it has no public constructor whose parameters all match public members by name");
        }

        var shapes = new List<MemberShape>();
        foreach (var member in members)
        {
            var index = IndexOfParameter(constructor, member.Name, member.Type);
            if (index < 0 && !member.Settable)
            {
                continue;
            }

            if (!VisitChild(member.Type, root, "." + member.Name))
            {
                return false;
            }

            shapes.Add(new MemberShape(TypeNames.Identifier(member.Name), member.Type.ToDisplayString(TypeNames.Annotated), index));
        }

        var annotated = type.IsValueType ? Plain(type) : Plain(type) + "?";
        var shape = new ObjectShape(annotated, type.IsValueType, constructor.Parameters.Length, shapes.ToEquatableArray());
        _formatters.Add(new FormatterSpec(Plain(type), null, null, null, shape));
        return true;
    }

    private bool VisitChild(ITypeSymbol type, string root, string segment)
    {
        _path.Add(segment);
        var ok = Visit(type, root);
        _path.RemoveAt(_path.Count - 1);
        return ok;
    }

    private bool Add(ITypeSymbol type, string formatterType)
    {
        _formatters.Add(new FormatterSpec(Plain(type), "new " + formatterType + "()", null, null, null));
        return true;
    }

    private bool AddHelper(INamedTypeSymbol type, string helper)
    {
        _formatters.Add(new FormatterSpec(Plain(type), "new " + FormatterHelpers.Namespace + helper + "<" + TypeArguments(type) + ">()", helper, null, null));
        return true;
    }

    private bool AddRuntime(ITypeSymbol type, string construction, string requires)
    {
        _formatters.Add(new FormatterSpec(Plain(type), construction, null, requires, null));
        return true;
    }

    private bool Fail(ITypeSymbol type, string root, string reason)
    {
        var leaf = TypeNames.Display(type, TypeNames.Message);
        _failurePath = _path.Count == 0 ? leaf : root + string.Concat(_path) + ": " + leaf;
        _failureReason = reason;
        return false;
    }

    private bool IsAccessible(INamedTypeSymbol type)
    {
        var own = SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _assembly);
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            var ok = t.DeclaredAccessibility switch
            {
                Accessibility.Public => true,
                Accessibility.Internal or Accessibility.ProtectedOrInternal => own,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBuiltinLeaf(INamedTypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Char:
            case SpecialType.System_Decimal:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.TypeArguments.Length == 0 && s_builtinLeaves.Contains(TypeNames.MetadataName(type));
    }

    private static bool IsBuiltinGeneric(INamedTypeSymbol type, string metadataName)
    {
        var argument = type.TypeArguments[0];
        switch (metadataName)
        {
            case "System.Collections.Generic.List`1":
                return s_builtinElements.Contains(argument.SpecialType);
            case "System.Nullable`1":
                return argument is INamedTypeSymbol named && IsBuiltinLeaf(named) && named.IsValueType
                    && named.SpecialType is not (SpecialType.System_String) && TypeNames.MetadataName(named) is not ("System.Half" or "System.DateOnly" or "System.TimeOnly");
            case "System.Memory`1":
            case "System.ReadOnlyMemory`1":
            case "System.ArraySegment`1":
            case "System.Buffers.ReadOnlySequence`1":
                return argument.SpecialType == SpecialType.System_Byte;
            default:
                return false;
        }
    }

    private static bool IsRuntimeType(INamedTypeSymbol type, string metadataName)
    {
        if (metadataName is KnownNames.ObjectRefOfT or KnownNames.Unit or KnownNames.ActorId)
        {
            return true;
        }

        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (TypeNames.MetadataName(t) == KnownNames.ActorHandle)
            {
                return true;
            }
        }

        return false;
    }

    private static AttributeData? FindAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && TypeNames.MetadataName(c) == metadataName);

    private static List<(string Name, ITypeSymbol Type, bool Settable)> PublicMembers(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<(string, ITypeSymbol, bool)>();
        foreach (var t in chain)
        {
            foreach (var member in t.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public
                    || FindAttribute(member, KnownNames.IgnoreMemberAttribute) is not null
                    || FindAttribute(member, KnownNames.IgnoreDataMemberAttribute) is not null)
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false, ReturnsByRef: false, ReturnsByRefReadonly: false } property
                        when property.GetMethod is { DeclaredAccessibility: Accessibility.Public }:
                        if (seen.Add(property.Name))
                        {
                            members.Add((property.Name, property.Type, property.SetMethod is { DeclaredAccessibility: Accessibility.Public }));
                        }

                        break;
                    case IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field:
                        if (seen.Add(field.Name))
                        {
                            members.Add((field.Name, field.Type, !field.IsReadOnly));
                        }

                        break;
                }
            }
        }

        return members;
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<(string Name, ITypeSymbol Type, bool Settable)> members)
    {
        IMethodSymbol? best = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public
                || (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type)))
            {
                continue;
            }

            var matches = constructor.Parameters.All(p => p.RefKind == RefKind.None && members.Any(m =>
                string.Equals(m.Name, p.Name, StringComparison.OrdinalIgnoreCase) && SymbolEqualityComparer.Default.Equals(m.Type, p.Type)));
            if (matches && (best is null || constructor.Parameters.Length > best.Parameters.Length))
            {
                best = constructor;
            }
        }

        return best;
    }

    private static int IndexOfParameter(IMethodSymbol constructor, string name, ITypeSymbol type)
    {
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            var p = constructor.Parameters[i];
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && SymbolEqualityComparer.Default.Equals(p.Type, type))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Plain(ITypeSymbol type) => type.ToDisplayString(TypeNames.Plain);

    private static string TypeArguments(INamedTypeSymbol type) =>
        string.Join(", ", type.TypeArguments.Select(Plain));
}
