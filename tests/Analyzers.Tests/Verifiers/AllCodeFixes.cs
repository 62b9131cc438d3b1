using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>Every code fix RaySharp.Analyzers.CodeFixes ships, found by reflection, as the IDE finds them.</summary>
public static class AllCodeFixes
{
    /// <summary>One instance of each exported code fix.</summary>
    public static IReadOnlyList<CodeFixProvider> All { get; } = Assembly.Load("RaySharp.Analyzers.CodeFixes").GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>The ids that at least one exported code fix can fix.</summary>
    public static IReadOnlySet<string> FixableIds { get; } = All.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
}
