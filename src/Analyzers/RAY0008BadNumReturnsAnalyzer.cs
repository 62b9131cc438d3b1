using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0008: <c>NumReturns</c> that does not match the method: it must be 1, or 2–3 with a tuple of that many elements returned.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules</c>/<c>SerializationRules</c>, linked source); see <c>docs/diagnostics/RAY0008.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0008BadNumReturnsAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.BadNumReturns;

    /// <summary>Creates the analyzer.</summary>
    public RAY0008BadNumReturnsAnalyzer()
        : base(Descriptors.BadNumReturns)
    {
    }
}
