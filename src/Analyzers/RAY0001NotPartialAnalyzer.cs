using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0001: A type that declares a <c>[RayRemote]</c> method, or an actor class, or a type containing one, is not <c>partial</c>.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules</c>/<c>SerializationRules</c>, linked source); see <c>docs/diagnostics/RAY0001.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0001NotPartialAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.NotPartial;

    /// <summary>Creates the analyzer.</summary>
    public RAY0001NotPartialAnalyzer()
        : base(Descriptors.NotPartial)
    {
    }
}
