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
    [Fact]
    public async Task OneTypeBreakingSeveralRules_GetsEachIdFromOneAnalyzer()
    {
        var source = """
            using System;
            using System.Threading;
            using RaySharp;

            namespace App;

            public class Mixed
            {
                [RayRemote]
                public static int TokenFirst(CancellationToken token, int x) => x;

                [RayRemote]
                public static int ByRef(ref int x) => x;

                [RayRemote]
                public static T Generic<T>(T value) => value;

                [RayRemote]
                public static int Dynamic(Action value) => 0;
            }
            """;
        var compilation = CSharpCompilation.Create(
            "App",
            [CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationRulesAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        // Not partial, a by-ref parameter, a generic method, a token not last, a delegate that cannot be serialized.
        Assert.Equal(
            ["RAY0001", "RAY0002", "RAY0003", "RAY0004", "RAY0006"],
            diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }
}
