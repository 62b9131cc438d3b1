using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0009: a concurrency group declared twice, with an empty name or a limit below 1, or a method naming an undeclared group.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules.CheckConcurrencyGroups</c>, linked source); see <c>docs/diagnostics/RAY0009.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0009BadConcurrencyGroupAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.BadConcurrencyGroup;

    /// <summary>Creates the analyzer.</summary>
    public RAY0009BadConcurrencyGroupAnalyzer()
        : base(Descriptors.BadConcurrencyGroup)
    {
    }
}
