using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0010: a member named like one the generator adds to the type, or an actor method named like a member of its handle.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules.CheckActorClass</c>, <c>CheckTaskContainer</c>, linked source); see <c>docs/diagnostics/RAY0010.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0010ReservedNameAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.ReservedName;

    /// <summary>Creates the analyzer.</summary>
    public RAY0010ReservedNameAnalyzer()
        : base(Descriptors.ReservedName)
    {
    }
}
