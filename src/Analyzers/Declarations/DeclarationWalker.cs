using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers.Declarations;

/// <summary>
/// Applies the generator's shared declaration rules (<see cref="DeclarationRules"/>, <see cref="SerializationRules"/>)
/// to one type, the way the generator's extractor does, and places each violation in source. It decides nothing
/// itself: which declarations are tasks or actors, what each rule checks and which types cross the wire all come from
/// the shared rules, so the analyzers flag exactly what the generator refuses.
/// </summary>
internal static class DeclarationWalker
{
    /// <summary>
    /// Collects the violations of <paramref name="type"/>: as an actor class when it carries <c>[RayRemote]</c>, otherwise
    /// as the container of its <c>[RayRemote]</c> task methods (nothing when it has none).
    /// </summary>
    /// <param name="type">A type declared in source.</param>
    /// <param name="assembly">The assembly being compiled: its internal types are serializable, other assemblies' are not.</param>
    /// <param name="findings">Receives the violations.</param>
    /// <param name="cancellationToken">Checked once per method.</param>
    public static void Walk(INamedTypeSymbol type, IAssemblySymbol assembly, List<Finding> findings, CancellationToken cancellationToken)
    {
        if (DeclarationRules.IsActorClass(type))
        {
            WalkActor(type, assembly, findings, cancellationToken);
        }
        else
        {
            WalkTaskContainer(type, assembly, findings, cancellationToken);
        }
    }

    private static void WalkActor(INamedTypeSymbol type, IAssemblySymbol assembly, List<Finding> findings, CancellationToken cancellationToken)
    {
        var typeViolations = new List<RuleViolation>();
        DeclarationRules.CheckActorClass(type, typeViolations, cancellationToken);
        Place(typeViolations, findings, cancellationToken);
        var serializable = !TypeNames.IsInGenericContext(type);

        foreach (var constructor in DeclarationRules.PublicConstructors(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            WalkMethod(constructor, assembly, serializable, findings, cancellationToken);
        }

        foreach (var method in DeclarationRules.ActorMethods(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            WalkMethod(method, assembly, serializable, findings, cancellationToken);
        }

        var misplaced = new List<RuleViolation>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            DeclarationRules.CheckActorMember(method, misplaced);
        }

        Place(misplaced, findings, cancellationToken);

        var groups = new List<RuleViolation>();
        DeclarationRules.CheckConcurrencyGroups(type, groups);
        Place(groups, findings, cancellationToken);
    }

    private static void WalkTaskContainer(INamedTypeSymbol type, IAssemblySymbol assembly, List<Finding> findings, CancellationToken cancellationToken)
    {
        var groups = new List<RuleViolation>();
        DeclarationRules.CheckGroupsOnNonActor(type, groups);
        Place(groups, findings, cancellationToken);

        var methods = new List<IMethodSymbol>();
        foreach (var member in type.GetMembers())
        {
            // The generator finds task methods through method declarations only (not operators, accessors or local functions).
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && DeclarationRules.FindRayRemote(method) is not null)
            {
                methods.Add(method);
            }
        }

        if (methods.Count == 0)
        {
            return;
        }

        var typeViolations = new List<RuleViolation>();
        DeclarationRules.CheckContainingType(type, typeViolations, cancellationToken);
        DeclarationRules.CheckTaskContainer(type, typeViolations);
        Place(typeViolations, findings, cancellationToken);
        var serializable = !TypeNames.IsInGenericContext(type);

        foreach (var method in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var violations = new List<RuleViolation>();
            DeclarationRules.CheckTaskMethod(method, violations);
            DeclarationRules.CheckTaskMethodGroup(method, violations);
            Place(violations, findings, cancellationToken);
            WalkMethod(method, assembly, serializable, findings, cancellationToken);
        }
    }

    /// <summary>The shape rules of one task method, actor method or actor constructor, then (outside generic types) its wire types.</summary>
    private static void WalkMethod(IMethodSymbol method, IAssemblySymbol assembly, bool serialization, List<Finding> findings, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        DeclarationRules.CheckMethodShape(method, violations);
        Place(violations, findings, cancellationToken);

        // A by-ref, pointer, span or generic signature already has its own error (RAY0002, RAY0004); walking the same
        // types again would only report them twice.
        if (serialization && !violations.Any(v => v.Id is RuleIds.ByRefOrRefLike or RuleIds.OpenGeneric))
        {
            CheckSerialization(method, assembly, findings, cancellationToken);
        }
    }

    /// <summary>
    /// RAY0003 for each type that crosses the wire, as the generator chooses them for its formatters: every parameter
    /// but the cancellation token, and the result (each tuple element when <c>NumReturns</c> splits it).
    /// </summary>
    private static void CheckSerialization(IMethodSymbol method, IAssemblySymbol assembly, List<Finding> findings, CancellationToken cancellationToken)
    {
        var name = DeclarationRules.DisplayName(method);
        foreach (var parameter in method.Parameters)
        {
            if (!DeclarationRules.IsCancellationToken(parameter.Type))
            {
                Serialize(parameter.Type, SourceLocation(parameter), name, assembly, findings, cancellationToken);
            }
        }

        var location = ReturnTypeLocation(method, cancellationToken);
        foreach (var result in DeclarationRules.ResultWireTypes(method))
        {
            Serialize(result, location, name, assembly, findings, cancellationToken);
        }
    }

    private static void Serialize(ITypeSymbol type, Location? location, string method, IAssemblySymbol assembly, List<Finding> findings, CancellationToken cancellationToken)
    {
        var analysis = SerializationRules.Analyze(type, assembly, cancellationToken);
        if (!analysis.IsSerializable && location is not null)
        {
            findings.Add(new Finding(RuleIds.NotSerializable, location, new[] { analysis.FailurePath!, method, analysis.FailureReason! }));
        }
    }

    private static void Place(List<RuleViolation> violations, List<Finding> findings, CancellationToken cancellationToken)
    {
        foreach (var violation in violations)
        {
            var location = violation.Syntax is { } syntax
                ? syntax.GetSyntax(cancellationToken).GetLocation()
                : violation.Id == RuleIds.NotPartial && violation.Target is INamedTypeSymbol type
                    ? NonPartialDeclaration(type, cancellationToken)
                    : SourceLocation(violation.Target);
            if (location is not null)
            {
                findings.Add(new Finding(violation.Id, location, violation.Arguments));
            }
        }
    }

    /// <summary>The name of the first declaration of <paramref name="type"/> that lacks <c>partial</c>.</summary>
    private static Location? NonPartialDeclaration(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return SourceLocation(type);
    }

    /// <summary>The return type as written, or the method's name when there is no such syntax.</summary>
    private static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration.ReturnType.GetLocation();
            }
        }

        return SourceLocation(method);
    }

    private static Location? SourceLocation(ISymbol symbol) => symbol.Locations.FirstOrDefault(l => l.IsInSource);
}
