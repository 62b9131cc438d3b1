using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RaySharp.Analyzers.Declarations;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs <see cref="DeclarationRulesAnalyzer"/> over marked-up source (<c>{|RAY0001:Counter|}</c>, <c>{|#0:…|}</c>) and
/// checks one of its ids, the rule under test: the analyzer reports all ten from one walk, and each id's test class
/// asserts its own (the others are disabled). Compiled offline against .NET 10, RaySharp and MessagePack through
/// <see cref="Test"/> (vs-threading's <c>CSharpCodeFixVerifier`2+Test</c> shape).
/// </summary>
public sealed class DeclarationRuleVerifier
{
    private readonly DiagnosticDescriptor _rule;

    /// <summary>Creates a verifier for <paramref name="rule"/>, one of the declaration descriptors.</summary>
    public DeclarationRuleVerifier(DiagnosticDescriptor rule) => _rule = rule;

    /// <summary>The rule's diagnostic, to place with <c>WithLocation</c> and check with <c>WithArguments</c>.</summary>
    public DiagnosticResult Diagnostic() => new(_rule);

    /// <summary>Asserts that the rule reports exactly the marked diagnostics plus <paramref name="expected"/>.</summary>
    public Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.DisabledDiagnostics.AddRange(new DeclarationRulesAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != _rule.Id));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The analyzer test with RaySharp's references and no network: see <see cref="TestReferences"/>.</summary>
    public sealed class Test : CSharpAnalyzerTest<DeclarationRulesAnalyzer, DefaultVerifier>
    {
        /// <summary>Creates a test compiled against <see cref="TestReferences.All"/>.</summary>
        public Test()
        {
            ReferenceAssemblies = TestReferences.ReferenceAssemblies;
            TestState.AdditionalReferences.AddRange(TestReferences.All);

            // Pointer parameters (RAY0002) need unsafe code.
            SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
            });
        }
    }
}
