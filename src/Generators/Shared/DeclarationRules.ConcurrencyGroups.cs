using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>The concurrency-group rules (RAY0009): reading <c>[RayConcurrencyGroup]</c> and <c>ConcurrencyGroup</c>, and checking them.</summary>
internal static partial class DeclarationRules
{
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
}
