using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Declarations;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

/// <summary>
/// The one declaration analyzer reports every id from one walk; the per-id classes (RAY0001…Tests) check each rule.
/// </summary>
public class DeclarationRulesAnalyzerTests
{
    /// <summary>Each invalid declaration of <see cref="GeneratorAndAnalyzerTests"/>, with the ids it expects there.</summary>
    [Theory]
    [MemberData(nameof(GeneratorAndAnalyzerTests.InvalidDeclarations), MemberType = typeof(GeneratorAndAnalyzerTests))]
    public async Task InvalidDeclaration_AllItsIdsComeFromTheOneAnalyzer(string name, string declarations, string[] expectedIds)
    {
        var compilation = CSharpCompilation.Create(
            "App",
            [CSharpSyntaxTree.ParseText(GeneratorAndAnalyzerTests.Wrap(declarations), TestReferences.ParseOptions)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationRulesAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.True(
            expectedIds.OrderBy(id => id, StringComparer.Ordinal).SequenceEqual(diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal)),
            name + ": " + string.Join(", ", diagnostics.Select(d => d.Id)));
    }
}
