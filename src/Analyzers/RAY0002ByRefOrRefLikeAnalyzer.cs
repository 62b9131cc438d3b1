using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0002: A remote method or actor constructor with a <c>ref</c>/<c>out</c>/<c>in</c> parameter, or a pointer, span or ref-struct parameter or return type.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules</c>/<c>SerializationRules</c>, linked source); see <c>docs/diagnostics/RAY0002.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0002ByRefOrRefLikeAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.ByRefOrRefLike;

    /// <summary>Creates the analyzer.</summary>
    public RAY0002ByRefOrRefLikeAnalyzer()
        : base(Descriptors.ByRefOrRefLike)
    {
    }
}
