using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RaySharp.Generators.Shared;

/// <summary>The declaration-contract diagnostic ids (errors the analyzer reports; the generator emits nothing for them).</summary>
internal static class RuleIds
{
    /// <summary>A <c>[RayRemote]</c> type, or a type containing a <c>[RayRemote]</c> method, is not <c>partial</c>.</summary>
    public const string NotPartial = "RAY0001";

    /// <summary>A <c>ref</c>/<c>out</c>/<c>in</c> parameter, or a pointer, span or ref-struct parameter or return type.</summary>
    public const string ByRefOrRefLike = "RAY0002";

    /// <summary>A parameter or return type cannot be serialized; the message names the member path.</summary>
    public const string NotSerializable = "RAY0003";

    /// <summary>An open generic remote method or actor.</summary>
    public const string OpenGeneric = "RAY0004";

    /// <summary>An actor class that is abstract or static, or has no public constructor.</summary>
    public const string BadActorClass = "RAY0005";

    /// <summary>More than one <c>CancellationToken</c> parameter, or one that is not last.</summary>
    public const string BadCancellationToken = "RAY0006";

    /// <summary><c>[RayRemote]</c> on an instance method outside a <c>[RayRemote]</c> class, or on a static method inside an actor class.</summary>
    public const string MisplacedAttribute = "RAY0007";

    /// <summary>
    /// <c>NumReturns</c> does not match the method: it must be 1, or 2–3 with a tuple of that many elements returned
    /// (directly or through <c>Task</c>/<c>ValueTask</c>), and a streaming method returns one stream. Proposed; not in
    /// the list of seven.
    /// </summary>
    public const string BadNumReturns = "RAY0008";

    /// <summary>
    /// An actor's concurrency groups are wrong: a group declared twice, a limit below 1, an empty name, an actor method
    /// naming a group its class does not declare, or <c>ConcurrencyGroup</c> on a method that is not an actor method.
    /// </summary>
    public const string BadConcurrencyGroup = "RAY0009";

    /// <summary>
    /// A member whose name the generated code needs: a member of a <c>[RayRemote]</c> type named like one the generator
    /// adds to it (<c>Remote</c>, <c>Handle</c>, …), or a public actor method named like a member of the handle.
    /// </summary>
    public const string ReservedName = "RAY0010";
}

/// <summary>One <c>[RayConcurrencyGroup(name, limit)]</c> on an actor class, as written.</summary>
internal readonly struct DeclaredConcurrencyGroup
{
    public DeclaredConcurrencyGroup(string? name, int limit, AttributeData attribute)
    {
        Name = name;
        Limit = limit;
        Attribute = attribute;
    }

    /// <summary>The name; null when the argument is null or not a constant string.</summary>
    public string? Name { get; }

    public int Limit { get; }

    /// <summary>The attribute, whose syntax a diagnostic points at.</summary>
    public AttributeData Attribute { get; }
}

/// <summary>One broken declaration rule: the id, the symbol to point at, and the message arguments.</summary>
internal readonly struct RuleViolation
{
    public RuleViolation(string id, ISymbol target, params string[] arguments)
        : this(id, target, null, arguments)
    {
    }

    public RuleViolation(string id, ISymbol target, SyntaxReference? syntax, params string[] arguments)
    {
        Id = id;
        Target = target;
        Syntax = syntax;
        Arguments = arguments;
    }

    /// <summary>The diagnostic id, one of <see cref="RuleIds"/>.</summary>
    public string Id { get; }

    /// <summary>The symbol whose declaration the diagnostic points at.</summary>
    public ISymbol Target { get; }

    /// <summary>Where to point instead of the target's declaration (an attribute), or null.</summary>
    public SyntaxReference? Syntax { get; }

    /// <summary>The message arguments.</summary>
    public string[] Arguments { get; }
}

/// <summary>What a remote method returns, which decides the stub's result and the invoker's <c>Return…</c> call.</summary>
internal enum ReturnKind
{
    /// <summary><c>T</c>: the ref holds the value.</summary>
    Value,

    /// <summary><c>void</c>: the ref holds <c>Unit</c>.</summary>
    Void,

    /// <summary><c>Task</c>: the ref holds <c>Unit</c> once the task completes.</summary>
    Task,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfT,

    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfT,

    /// <summary><c>IEnumerable&lt;T&gt;</c>: a streaming task, one ref per item.</summary>
    Stream,

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c>: an async streaming task, one ref per item.</summary>
    AsyncStream,
}

/// <summary>
/// Which <c>[RayRemote]</c> declarations are valid (RAY0001, RAY0002, RAY0004–RAY0007). The generator emits nothing
/// for a declaration with a violation; the analyzer reports each one. Both call these same methods.
/// </summary>
internal static class DeclarationRules
{
    /// <summary>What the generator adds to an actor class: the factory, its type, the handle type and the invoker.</summary>
    private static readonly HashSet<string> s_generatedActorMembers = new() { "Remote", "RemoteFactory", "Handle", "RayInvoker" };

    /// <summary>What the generator adds to a type with task methods: the stubs, their type and the invoker.</summary>
    private static readonly HashSet<string> s_generatedTaskMembers = new() { "Remote", "RemoteStubs", "RayInvoker" };

    /// <summary>Members of the generated handle (beyond <c>object</c>'s) that an actor method of the same name cannot become.</summary>
    private static readonly HashSet<string> s_handleMemberNames = new() { "Id", "Call", "WithOptions", "CallsWithOptions" };

    /// <summary>Members of <c>ActorHandle</c> and <c>object</c> that a handle stub must not hide.</summary>
    private static readonly HashSet<string> s_reservedHandleNames = new()
    {
        "Equals", "GetHashCode", "ToString", "GetType", "Finalize", "MemberwiseClone", "Id", "Call", "WithOptions",
    };

    /// <summary>The <c>[RayRemote]</c> attribute on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? FindRayRemote(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && TypeNames.MetadataName(c) == KnownNames.RayRemoteAttribute);

    /// <summary>
    /// How messages name a remote method: <c>Type.Method</c>, and <c>Type.Type</c> for an actor constructor (not
    /// <c>Type..ctor</c>).
    /// </summary>
    public static string DisplayName(IMethodSymbol method) =>
        method.ContainingType.Name + "." + (method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);

    /// <summary>
    /// The result types that cross the wire, as the generator writes formatters for them: each tuple element when
    /// <c>NumReturns</c> splits the result, else the result itself; none for a constructor or a method returning nothing.
    /// </summary>
    public static IEnumerable<ITypeSymbol> ResultWireTypes(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return Enumerable.Empty<ITypeSymbol>();
        }

        ClassifyReturn(method, out var result);
        var elements = NumReturns(method) > 1 ? TupleElements(result) : default;
        return !elements.IsDefaultOrEmpty ? elements : result is null ? Enumerable.Empty<ITypeSymbol>() : new[] { result };
    }

    /// <summary>True when <paramref name="type"/> is an actor class (carries <c>[RayRemote]</c>).</summary>
    public static bool IsActorClass(INamedTypeSymbol type) => type.TypeKind == TypeKind.Class && FindRayRemote(type) is not null;

    /// <summary>True for <c>System.Threading.CancellationToken</c>.</summary>
    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol named && TypeNames.MetadataName(named) == KnownNames.CancellationToken;

    /// <summary>The outermost type of the chain ending in <paramref name="type"/> that is not declared <c>partial</c>, or null.</summary>
    public static INamedTypeSymbol? FirstNonPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var t in TypeNames.Chain(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var partial = t.DeclaringSyntaxReferences.Length > 0 && t.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
            if (!partial)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Rules for the type that receives generated members: partial all the way out (RAY0001), not generic (RAY0004).</summary>
    public static void CheckContainingType(INamedTypeSymbol type, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        if (FirstNonPartial(type, cancellationToken) is { } notPartial)
        {
            violations.Add(new RuleViolation(RuleIds.NotPartial, notPartial, notPartial.ToDisplayString(TypeNames.Message)));
        }

        if (TypeNames.IsInGenericContext(type))
        {
            violations.Add(new RuleViolation(RuleIds.OpenGeneric, type, type.ToDisplayString(TypeNames.Message)));
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            violations.Add(new RuleViolation(RuleIds.MisplacedAttribute, type, type.ToDisplayString(TypeNames.Message)));
        }
    }

    /// <summary>Rules for one remote method's shape: parameters and return (RAY0002), generics (RAY0004), the token (RAY0006).</summary>
    public static void CheckMethodShape(IMethodSymbol method, List<RuleViolation> violations)
    {
        var name = DisplayName(method);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || IsRefLikeOrPointer(parameter.Type))
            {
                violations.Add(new RuleViolation(RuleIds.ByRefOrRefLike, parameter, name, parameter.Name));
            }
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly || IsRefLikeOrPointer(method.ReturnType))
        {
            violations.Add(new RuleViolation(RuleIds.ByRefOrRefLike, method, name, "return"));
        }

        if (method.IsGenericMethod)
        {
            violations.Add(new RuleViolation(RuleIds.OpenGeneric, method, name));
        }

        var kind = ClassifyReturn(method, out var result);
        var numReturns = NumReturns(method);
        if (numReturns != 1 && (numReturns is < 2 or > 3 || kind is not (ReturnKind.Value or ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT)
            || TupleElements(result).Length != numReturns))
        {
            violations.Add(new RuleViolation(RuleIds.BadNumReturns, method, name, numReturns.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tokens = method.Parameters.Where(p => IsCancellationToken(p.Type)).ToList();
        if (tokens.Count > 1 || (tokens.Count == 1 && !SymbolEqualityComparer.Default.Equals(tokens[0], method.Parameters[method.Parameters.Length - 1])))
        {
            violations.Add(new RuleViolation(RuleIds.BadCancellationToken, tokens[tokens.Count > 1 ? 1 : 0], name));
        }
    }

    /// <summary>Rules for a <c>[RayRemote]</c> method outside an actor: it must be static (RAY0007).</summary>
    public static void CheckTaskMethod(IMethodSymbol method, List<RuleViolation> violations)
    {
        if (!method.IsStatic)
        {
            violations.Add(new RuleViolation(RuleIds.MisplacedAttribute, method, DisplayName(method)));
        }
    }

    /// <summary>
    /// Rules for an actor class: partial, not generic, not abstract or static, a public constructor, no member named
    /// like a generated one (RAY0001, RAY0004, RAY0005, RAY0010).
    /// </summary>
    public static void CheckActorClass(INamedTypeSymbol type, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        CheckContainingType(type, violations, cancellationToken);
        if (type.IsAbstract || type.IsStatic || !PublicConstructors(type).Any())
        {
            violations.Add(new RuleViolation(RuleIds.BadActorClass, type, type.ToDisplayString(TypeNames.Message)));
        }

        CheckReservedNames(type, s_generatedActorMembers, violations);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.MethodKind == MethodKind.Ordinary && !method.IsStatic && !method.IsOverride && !method.IsImplicitlyDeclared
                && method.DeclaredAccessibility == Accessibility.Public && s_handleMemberNames.Contains(method.Name))
            {
                violations.Add(new RuleViolation(RuleIds.ReservedName, method, method.Name, type.ToDisplayString(TypeNames.Message), "a member of its handle, so it gets no stub"));
            }
        }
    }

    /// <summary>Rules for a type holding <c>[RayRemote]</c> task methods: no member named like a generated one (RAY0010).</summary>
    public static void CheckTaskContainer(INamedTypeSymbol type, List<RuleViolation> violations) =>
        CheckReservedNames(type, s_generatedTaskMembers, violations);

    /// <summary>Members of <paramref name="type"/> (written in source) named like one the generator adds to it.</summary>
    private static void CheckReservedNames(INamedTypeSymbol type, HashSet<string> generated, List<RuleViolation> violations)
    {
        foreach (var member in type.GetMembers())
        {
            if (!member.IsImplicitlyDeclared && generated.Contains(member.Name) && !member.DeclaringSyntaxReferences.IsEmpty)
            {
                violations.Add(new RuleViolation(RuleIds.ReservedName, member, member.Name, type.ToDisplayString(TypeNames.Message), "a member the generator adds to the type"));
            }
        }
    }

    /// <summary>A <c>[RayRemote]</c> static method inside an actor class (RAY0007).</summary>
    public static void CheckActorMember(IMethodSymbol method, List<RuleViolation> violations)
    {
        if (method.IsStatic && FindRayRemote(method) is not null)
        {
            violations.Add(new RuleViolation(RuleIds.MisplacedAttribute, method, DisplayName(method)));
        }
    }

    /// <summary>The <c>[RayConcurrencyGroup]</c> declarations of <paramref name="type"/>, in declaration order.</summary>
    public static IEnumerable<DeclaredConcurrencyGroup> ConcurrencyGroups(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } c && TypeNames.MetadataName(c) == KnownNames.RayConcurrencyGroupAttribute
                && attribute.ConstructorArguments.Length == 2)
            {
                yield return new DeclaredConcurrencyGroup(
                    attribute.ConstructorArguments[0].Value as string,
                    attribute.ConstructorArguments[1].Value is int limit ? limit : 0,
                    attribute);
            }
        }
    }

    /// <summary>The <c>ConcurrencyGroup</c> set on a method's (or class's) <c>[RayRemote]</c>, or null.</summary>
    public static string? ConcurrencyGroupOf(ISymbol symbol)
    {
        var attribute = FindRayRemote(symbol);
        if (attribute is null)
        {
            return null;
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == "ConcurrencyGroup")
            {
                return pair.Value.Value as string;
            }
        }

        return null;
    }

    /// <summary>
    /// Rules for an actor's concurrency groups (RAY0009): each declared once, with a non-empty name and a limit of at
    /// least 1, and every actor method naming one of them. The generator emits the groups as written; only the
    /// analyzer applies these rules, since a bad group breaks no generated code (the runtime refuses it too).
    /// </summary>
    public static void CheckConcurrencyGroups(INamedTypeSymbol type, List<RuleViolation> violations)
    {
        var typeName = type.ToDisplayString(TypeNames.Message);
        if (ConcurrencyGroupOf(type) is not null)
        {
            violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, type, FindRayRemote(type)!.ApplicationSyntaxReference, typeName,
                "sets ConcurrencyGroup on the class, where it means nothing",
                "declare groups with [RayConcurrencyGroup(name, limit)] on the class and set ConcurrencyGroup on the methods that run in them"));
        }

        var declared = new List<string>();
        foreach (var group in ConcurrencyGroups(type))
        {
            var at = group.Attribute.ApplicationSyntaxReference;
            if (string.IsNullOrWhiteSpace(group.Name))
            {
                violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, type, at, typeName,
                    "declares a concurrency group with an empty name", "give every group a name, such as [RayConcurrencyGroup(\"io\", 2)]"));
                continue;
            }

            if (declared.Contains(group.Name!))
            {
                violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, type, at, typeName,
                    "declares concurrency group '" + group.Name + "' more than once", "declare each group once, with one limit"));
            }
            else
            {
                declared.Add(group.Name!);
            }

            if (group.Limit < 1)
            {
                violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, type, at, typeName,
                    "gives concurrency group '" + group.Name + "' the limit " + group.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "give every group a limit of at least 1, the number of its calls that may run at once"));
            }
        }

        foreach (var method in ActorMethods(type))
        {
            if (ConcurrencyGroupOf(method) is { } name && !declared.Contains(name))
            {
                var fix = declared.Count == 0
                    ? "declare it on the class with [RayConcurrencyGroup(\"" + name + "\", limit)], or remove ConcurrencyGroup to run the method in the default group"
                    : "declare it on the class with [RayConcurrencyGroup(\"" + name + "\", limit)], or use one of the declared groups ("
                        + string.Join(", ", declared.Select(d => "'" + d + "'")) + ")";
                violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, method, DisplayName(method),
                    "names concurrency group '" + name + "', which its class does not declare", fix));
            }
        }
    }

    /// <summary><c>[RayConcurrencyGroup]</c> on a class that is not an actor (RAY0009): the groups would never be used.</summary>
    public static void CheckGroupsOnNonActor(INamedTypeSymbol type, List<RuleViolation> violations)
    {
        foreach (var group in ConcurrencyGroups(type))
        {
            violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, type, group.Attribute.ApplicationSyntaxReference, type.ToDisplayString(TypeNames.Message),
                "declares a concurrency group but is not an actor class",
                "mark the class [RayRemote] to make it an actor, or remove [RayConcurrencyGroup]"));
        }
    }

    /// <summary><c>ConcurrencyGroup</c> on a task method (RAY0009): only actor calls run in concurrency groups.</summary>
    public static void CheckTaskMethodGroup(IMethodSymbol method, List<RuleViolation> violations)
    {
        if (ConcurrencyGroupOf(method) is not null)
        {
            violations.Add(new RuleViolation(RuleIds.BadConcurrencyGroup, method, DisplayName(method),
                "sets ConcurrencyGroup, but only methods of a [RayRemote] actor class run in concurrency groups",
                "remove ConcurrencyGroup, or move the method to an actor class that declares the group"));
        }
    }

    /// <summary>The constructors that become <c>Remote.New</c> overloads: public instance constructors, in declaration order.</summary>
    public static IEnumerable<IMethodSymbol> PublicConstructors(INamedTypeSymbol type) =>
        type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public);

    /// <summary>
    /// The methods that become handle stubs: public, non-static, ordinary methods declared on the actor class itself,
    /// except those named like a member of <c>ActorHandle</c> or <c>object</c>, and those the compiler writes (a record's
    /// <c>Deconstruct</c> and <c>&lt;Clone&gt;$</c>). Fields and properties are never exposed.
    /// </summary>
    public static IEnumerable<IMethodSymbol> ActorMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m =>
            m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
            && !m.IsImplicitlyDeclared && m.CanBeReferencedByName
            && !s_reservedHandleNames.Contains(m.Name));

    /// <summary>Classifies the return type; <paramref name="result"/> is the value type the ref holds (null for <c>Unit</c>).</summary>
    public static ReturnKind ClassifyReturn(IMethodSymbol method, out ITypeSymbol? result)
    {
        result = null;
        if (method.ReturnsVoid)
        {
            return ReturnKind.Void;
        }

        if (method.ReturnType is INamedTypeSymbol named)
        {
            switch (TypeNames.MetadataName(named))
            {
                case KnownNames.Task:
                    return ReturnKind.Task;
                case KnownNames.ValueTask:
                    return ReturnKind.ValueTask;
                case KnownNames.TaskOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.TaskOfT;
                case KnownNames.ValueTaskOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.ValueTaskOfT;
                case KnownNames.EnumerableOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.Stream;
                case KnownNames.AsyncEnumerableOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.AsyncStream;
            }
        }

        result = method.ReturnType;
        return ReturnKind.Value;
    }

    /// <summary>
    /// True when code anywhere in the assembly can name <paramref name="type"/>: every type in it (containing types,
    /// type arguments, array elements) is public or internal. A stub can only be as visible as its signature's types.
    /// </summary>
    public static bool IsVisibleToAssembly(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsVisibleToAssembly(array.ElementType);
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? t = named; t is not null; t = t.ContainingType)
                {
                    if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal or Accessibility.NotApplicable))
                    {
                        return false;
                    }
                }

                return named.TypeArguments.All(IsVisibleToAssembly);
            default:
                return true;
        }
    }

    /// <summary>The declared <c>NumReturns</c> of a method's <c>[RayRemote]</c>; 1 when unset.</summary>
    public static int NumReturns(IMethodSymbol method)
    {
        var attribute = FindRayRemote(method);
        if (attribute is null)
        {
            return 1;
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == "NumReturns" && pair.Value.Value is int n && n != int.MinValue)
            {
                return n;
            }
        }

        return 1;
    }

    /// <summary>The element types of a tuple type, or none when <paramref name="type"/> is not a tuple.</summary>
    public static System.Collections.Immutable.ImmutableArray<ITypeSymbol> TupleElements(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsTupleType: true } tuple
            ? tuple.TupleElements.Select(e => e.Type).ToImmutableArray()
            : System.Collections.Immutable.ImmutableArray<ITypeSymbol>.Empty;

    /// <summary>True for pointers, function pointers and ref structs (spans), which cannot cross a task boundary.</summary>
    public static bool IsRefLikeOrPointer(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type.IsRefLikeType;
}
