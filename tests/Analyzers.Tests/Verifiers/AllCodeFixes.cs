using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>Every code fix RaySharp.Analyzers.CodeFixes ships, found by reflection, as the IDE finds them.</summary>
public static class AllCodeFixes
{
    /// <summary>The ids that at least one exported code fix can fix.</summary>
    public static IReadOnlySet<string> FixableIds { get; } = Assembly.Load("RaySharp.Analyzers.CodeFixes").GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .ToHashSet(StringComparer.Ordinal);
}
