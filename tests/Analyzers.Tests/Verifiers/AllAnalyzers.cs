using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>Every analyzer RaySharp.Analyzers ships, found by reflection, as the compiler finds them.</summary>
public static class AllAnalyzers
{
    /// <summary>The exported analyzer types: public, concrete, with <c>[DiagnosticAnalyzer]</c>.</summary>
    public static IReadOnlyList<Type> Types { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>One instance of each analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        Types.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>Every suppression the suppressors support, by id.</summary>
    public static IReadOnlyList<SuppressionDescriptor> Suppressions { get; } = Create()
        .OfType<DiagnosticSuppressor>()
        .SelectMany(s => s.SupportedSuppressions)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every descriptor the analyzers support, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = Create()
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();
}
