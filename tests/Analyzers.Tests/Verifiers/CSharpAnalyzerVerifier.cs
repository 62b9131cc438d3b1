using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over marked-up source (<c>{|RAY0001:Counter|}</c>, <c>{|#0:…|}</c>), compiled offline against
/// .NET 10, RaySharp and MessagePack through <see cref="Test"/> (vs-threading's <c>CSharpCodeFixVerifier`2+Test</c> shape).
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The analyzer's only diagnostic, to place with <c>WithLocation</c> and check with <c>WithArguments</c>.</summary>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    /// <summary>Asserts that the analyzer reports exactly the marked diagnostics plus <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The analyzer test with RaySharp's references and no network: see <see cref="TestReferences"/>.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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
