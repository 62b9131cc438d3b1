using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RaySharp.Generators.Shared;

/// <summary>
/// Which <c>[RayRemote]</c> declarations are valid (RAY0001, RAY0002, RAY0004–RAY0007). The generator emits nothing
/// for a declaration with a violation; the analyzer reports each one. Both call these same methods.
/// </summary>
internal static partial class DeclarationRules
{
    /// <summary>What the generator adds to an actor class: the factory, its type, the handle type and the invoker.</summary>
    private static readonly HashSet<string> s_generatedActorMembers = new() { "Remote", "RemoteFactory", "Handle", "RayInvoker" };

    /// <summary>What the generator adds to a type with task methods: the stubs, their type and the invoker.</summary>
    private static readonly HashSet<string> s_generatedTaskMembers = new() { "Remote", "RemoteStubs", "RayInvoker" };

    /// <summary>Members of the generated handle (beyond <c>object</c>'s) that an actor method of the same name cannot become.</summary>
    private static readonly HashSet<string> s_handleMemberNames = new() { "Id", "Call", "WithOptions", "CallsWithOptions" };

    /// <summary>The <c>[RayRemote]</c> attribute on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? FindRayRemote(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && TypeNames.MetadataName(c) == KnownNames.RayRemoteAttribute);

    /// <summary>
    /// How messages name a remote method: <c>Type.Method</c>, and <c>Type.Type</c> for an actor constructor (not
    /// <c>Type..ctor</c>).
    /// </summary>
    public static string DisplayName(IMethodSymbol method) =>
        method.ContainingType.Name + "." + (method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);

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

    /// <summary>True for pointers, function pointers and ref structs (spans), which cannot cross a task boundary.</summary>
    public static bool IsRefLikeOrPointer(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type.IsRefLikeType;
}
