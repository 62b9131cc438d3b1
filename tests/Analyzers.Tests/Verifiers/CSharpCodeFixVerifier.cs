using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RaySharp.Generators;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs a usage rule (RAY01xx, RAY02xx) and its code fix over marked-up source, with the RaySharp generator running
/// first, as in a real build, so that test code can call <c>T.Remote.M(…)</c> and actor handles. Compiled offline
/// like <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>. Use <see cref="EmptyCodeFixProvider"/> for rules without a fix.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
/// <typeparam name="TCodeFix">Its code fix.</typeparam>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The analyzer's only diagnostic, to place with <c>WithLocation</c> and check with <c>WithArguments</c>.</summary>
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    /// <summary>Asserts that the analyzer reports exactly the marked diagnostics plus <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Asserts the diagnostics in <paramref name="source"/>, then that fixing them one by one, and with Fix All in
    /// document, project and solution, gives <paramref name="fixedSource"/> (the testing library runs all of these).
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The code-fix test with RaySharp's references, the generator, and no network.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        /// <summary>Creates a test compiled against <see cref="TestReferences.All"/> with the generator running.</summary>
        public Test()
        {
            ReferenceAssemblies = TestReferences.ReferenceAssemblies;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalReferences.AddRange(TestReferences.All);

            // The generated stubs are the generator's business (snapshot-tested there); here they only need to exist.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

            // The generator runs as the project's analyzer reference, inside the workspace, as in an IDE: then the code
            // fix's semantic model sees the stubs too (GetSourceGenerators runs it only for the compiler's pass, so a
            // fix would see 'Jobs.Remote' as an error type).
            SolutionTransforms.Add((solution, projectId) => solution.AddAnalyzerReference(projectId, GeneratorReference.Instance));
        }

        /// <inheritdoc />
        protected override ParseOptions CreateParseOptions() => TestReferences.ParseOptions;
    }

    /// <summary>The RaySharp generator's assembly as an analyzer reference, loaded from this process.</summary>
    private sealed class GeneratorReference : IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerFileReference Instance = new(typeof(RemoteGenerator).Assembly.Location, new GeneratorReference());

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => typeof(RemoteGenerator).Assembly;
    }
}
