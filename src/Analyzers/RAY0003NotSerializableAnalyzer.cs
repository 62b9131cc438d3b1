using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0003: A parameter or return type of a remote method or actor constructor that cannot be serialized; the message names the member path.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules</c>/<c>SerializationRules</c>, linked source); see <c>docs/diagnostics/RAY0003.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0003NotSerializableAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.NotSerializable;

    /// <summary>Creates the analyzer.</summary>
    public RAY0003NotSerializableAnalyzer()
        : base(Descriptors.NotSerializable)
    {
    }
}
