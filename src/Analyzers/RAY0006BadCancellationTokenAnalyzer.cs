using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0006: A remote method with more than one <c>CancellationToken</c> parameter, or one that is not last.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules</c>/<c>SerializationRules</c>, linked source); see <c>docs/diagnostics/RAY0006.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0006BadCancellationTokenAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.BadCancellationToken;

    /// <summary>Creates the analyzer.</summary>
    public RAY0006BadCancellationTokenAnalyzer()
        : base(Descriptors.BadCancellationToken)
    {
    }
}
