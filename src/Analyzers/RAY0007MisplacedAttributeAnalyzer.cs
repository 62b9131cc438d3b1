using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>RAY0007: <c>[RayRemote]</c> on an instance method outside an actor class, on a static method inside an actor class, or on a method of an interface.</summary>
/// <remarks>The rule itself is the generator's (<c>DeclarationRules</c>/<c>SerializationRules</c>, linked source); see <c>docs/diagnostics/RAY0007.md</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0007MisplacedAttributeAnalyzer : DeclarationRuleAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = RuleIds.MisplacedAttribute;

    /// <summary>Creates the analyzer.</summary>
    public RAY0007MisplacedAttributeAnalyzer()
        : base(Descriptors.MisplacedAttribute)
    {
    }
}
