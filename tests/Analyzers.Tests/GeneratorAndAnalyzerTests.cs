using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers.Tests.Verifiers;
using RaySharp.Generators;
using Xunit;

namespace RaySharp.Analyzers.Tests;

/// <summary>
/// The generator and the analyzers together, as a build runs them: for an invalid declaration the generator emits
/// nothing (or a stub that throws), so the only errors are the analyzers' RAY00xx, never a CS error from generated code.
/// </summary>
public class GeneratorAndAnalyzerTests
{
    public static TheoryData<string, string, string[]> InvalidDeclarations => new()
    {
        {
            "not partial task container",
            """
            public static class Jobs
            {
                [RayRemote]
                public static int One() => 1;
            }
            """,
            ["RAY0001"]
        },
        {
            "not partial actor",
            """
            [RayRemote]
            public class Counter
            {
                public int Get() => 1;
            }
            """,
            ["RAY0001"]
        },
        {
            "by-ref, span and pointer parameters",
            """
            public static unsafe partial class Work
            {
                [RayRemote]
                public static int ByRef(ref int x) => x;

                [RayRemote]
                public static int Span(ReadOnlySpan<int> values) => values.Length;

                [RayRemote]
                public static int Pointer(int* p) => *p;

                [RayRemote]
                public static Span<int> Slice() => default;
            }
            """,
            ["RAY0002", "RAY0002", "RAY0002", "RAY0002"]
        },
        {
            "actor with a by-ref constructor and method",
            """
            [RayRemote]
            public partial class Counter
            {
                public Counter(ref int start)
                {
                }

                public void Read(out int value) => value = 0;
            }
            """,
            ["RAY0002", "RAY0002"]
        },
        {
            "unserializable parameter and result",
            """
            public sealed record Product(string Name, nint Handle);
            public sealed record Order(List<Product> Lines);

            public static partial class Shop
            {
                [RayRemote]
                public static int Place(Order order) => order.Lines.Count;

                [RayRemote]
                public static Func<int> Callback(int x) => () => x;

                [RayRemote]
                public static dynamic Dynamic(dynamic value) => value;
            }
            """,
            ["RAY0003", "RAY0003", "RAY0003", "RAY0003"]
        },
        {
            "actor with unserializable constructor and method",
            """
            [RayRemote]
            public partial class Tracker
            {
                public Tracker(object state)
                {
                }

                public Action Callback() => () => { };

                public int Fine(int x) => x;
            }
            """,
            ["RAY0003", "RAY0003"]
        },
        {
            "generic method, generic container, generic actor",
            """
            public static partial class Work
            {
                [RayRemote]
                public static T Echo<T>(T value) => value;
            }

            public static partial class Box<T>
            {
                [RayRemote]
                public static int Size() => 1;
            }

            [RayRemote]
            public partial class Cache<T>
            {
                public int Count() => 0;
            }
            """,
            ["RAY0004", "RAY0004", "RAY0004"]
        },
        {
            "abstract, static and constructor-less actors",
            """
            [RayRemote]
            public abstract partial class Shape
            {
                public int Sides() => 0;
            }

            [RayRemote]
            public static partial class Registry
            {
            }

            [RayRemote]
            public partial class Singleton
            {
                private Singleton()
                {
                }

                public int Get() => 1;
            }
            """,
            ["RAY0005", "RAY0005", "RAY0005"]
        },
        {
            "misplaced cancellation tokens",
            """
            public static partial class Work
            {
                [RayRemote]
                public static int TokenFirst(CancellationToken token, int x) => x;

                [RayRemote]
                public static int TwoTokens(int x, CancellationToken a, CancellationToken b) => x;
            }

            [RayRemote]
            public partial class Worker
            {
                public Task RunAsync(CancellationToken token, string name) => Task.CompletedTask;
            }
            """,
            ["RAY0006", "RAY0006", "RAY0006"]
        },
        {
            "misplaced attribute",
            """
            public partial class Calculator
            {
                [RayRemote]
                public int Add(int a, int b) => a + b;
            }

            [RayRemote]
            public partial class Counter
            {
                [RayRemote]
                public static int Create() => 1;

                public int Get() => 1;
            }

            public partial interface IJobs
            {
                [RayRemote]
                static int One() => 1;
            }
            """,
            ["RAY0007", "RAY0007", "RAY0007"]
        },
        {
            "NumReturns that does not fit",
            """
            public static partial class Split
            {
                [RayRemote(NumReturns = 2)]
                public static int NotATuple() => 1;

                [RayRemote(NumReturns = 4)]
                public static (int, int, int, int) Four() => (1, 2, 3, 4);
            }

            [RayRemote]
            public partial class Splitter
            {
                [RayRemote(NumReturns = 3)]
                public Task<(int, int)> PairAsync() => Task.FromResult((1, 2));
            }
            """,
            ["RAY0008", "RAY0008", "RAY0008"]
        },
        {
            "bad concurrency groups",
            """
            [RayRemote]
            [RayConcurrencyGroup("io", 1)]
            [RayConcurrencyGroup("io", 2)]
            [RayConcurrencyGroup("compute", 0)]
            public partial class Worker
            {
                [RayRemote(ConcurrencyGroup = "disk")]
                public int Read() => 1;

                [RayRemote(ConcurrencyGroup = "io")]
                public int Fetch() => 2;
            }

            public static partial class Jobs
            {
                [RayRemote(ConcurrencyGroup = "io")]
                public static int One() => 1;
            }
            """,
            ["RAY0009", "RAY0009", "RAY0009", "RAY0009"]
        },
        {
            "names the generated code needs",
            """
            [RayRemote]
            public partial class Account
            {
                public sealed class Handle { }

                public int Id() => 42;
            }

            public static partial class Jobs
            {
                public static int Remote = 1;

                [RayRemote]
                public static int One() => 1;
            }
            """,
            // The generator emits nothing for either type, so the only errors are the analyzer's (no CS0102 in generated code).
            ["RAY0010", "RAY0010", "RAY0010"]
        },
        {
            "a mix in one type",
            """
            public partial class Mixed
            {
                [RayRemote]
                public static int Fine(int x) => x;

                [RayRemote]
                public int Instance(int x) => x;

                [RayRemote]
                public static int TokenFirst(CancellationToken token, int x) => x;

                [RayRemote]
                public static int ByRef(ref int x) => x;

                [RayRemote]
                public static T Generic<T>(T value) => value;

                [RayRemote]
                public static int Dynamic(dynamic value) => 0;

                [RayRemote(NumReturns = 2)]
                public static object Both(ReadOnlySpan<int> values) => new object();
            }
            """,
            // Both: RAY0002 for the span and RAY0008 for NumReturns; its result is not also walked for RAY0003.
            ["RAY0002", "RAY0002", "RAY0003", "RAY0004", "RAY0006", "RAY0007", "RAY0008"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidDeclarations))]
    public async Task InvalidDeclaration_OnlyErrorsAreTheAnalyzersRayDiagnostics(string name, string declarations, string[] expectedIds)
    {
        var (diagnostics, generated) = await RunAsync(Wrap(declarations));

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(
            errors.All(d => d.Id.StartsWith("RAY", StringComparison.Ordinal)),
            name + ": errors other than RAY diagnostics:\n" + Describe(errors.Where(d => !d.Id.StartsWith("RAY", StringComparison.Ordinal))));
        Assert.Equal(expectedIds.OrderBy(i => i, StringComparer.Ordinal), errors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(errors, d => Assert.False(IsGenerated(d), name + ": a RAY diagnostic inside generated code: " + Describe([d])));
        var inGenerated = diagnostics.Where(IsGenerated).ToList();
        Assert.True(inGenerated.Count == 0, name + ": diagnostics in generated code:\n" + Describe(inGenerated) + "\n" + generated);
    }

    [Fact]
    public async Task ValidDeclarations_NoDiagnosticsAtAll()
    {
        var (diagnostics, generated) = await RunAsync(Wrap(
            """
            public sealed record Stats(double Mean, double Max);

            public static partial class Work
            {
                [RayRemote]
                public static Task<Stats> SummarizeAsync(int[] values, CancellationToken token) => Task.FromResult(new Stats(0, 0));

                [RayRemote(NumReturns = 2)]
                public static (int Count, Stats Stats) Split(List<int> values) => (values.Count, new Stats(0, 0));
            }

            [RayRemote]
            public partial class Counter
            {
                private int _count;

                public Counter()
                {
                }

                public Counter(int start) => _count = start;

                public int Increment(int by) => _count += by;

                public async Task<string> DescribeAsync()
                {
                    await Task.Yield();
                    return _count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            internal static class Caller
            {
                public static ObjectRef<int> Use(Counter.Handle counter)
                {
                    var (count, stats) = Work.Remote.Split(new List<int> { 1, 2 });
                    _ = (stats, Work.Remote.SummarizeAsync(new[] { 1 }), Counter.Remote.New(3));
                    return counter.Increment(count);
                }
            }
            """));

        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToList();
        Assert.True(problems.Count == 0, "Unexpected diagnostics:\n" + Describe(problems) + "\n" + generated);
    }

    [Fact]
    public async Task RecordActor_NoDiagnosticsAtAll()
    {
        // A record actor's compiler-made members (Deconstruct with out parameters, <Clone>$, PrintMembers) are not
        // the user's remote surface: neither the generator nor the analyzers may trip over them.
        var (diagnostics, generated) = await RunAsync(Wrap(
            """
            [RayRemote]
            public partial record Ledger(int Opening)
            {
                public int Balance() => Opening;
            }
            """));

        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToList();
        Assert.True(problems.Count == 0, "Unexpected diagnostics:\n" + Describe(problems) + "\n" + generated);
    }

    internal static string Wrap(string declarations) =>
        """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        """ + declarations;

    /// <summary>
    /// Runs the generator, adds its output to the compilation, then runs every analyzer and suppressor: returns all
    /// diagnostics (compiler and analyzer, the suppressed ones marked <see cref="Diagnostic.IsSuppressed"/>) and the
    /// generated text for failure messages.
    /// </summary>
    internal static async Task<(ImmutableArray<Diagnostic> Diagnostics, string Generated)> RunAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var input = CSharpCompilation.Create(
            "RaySharp.AnalyzerInput",
            [CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: "Input.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // As the SDK does: MessagePack's net6.0 build references System.Runtime 6.0, unified with 10.0.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
        Assert.Empty(input.GetParseDiagnostics());

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new RemoteGenerator().AsSourceGenerator()], parseOptions: TestReferences.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);

        var analyzers = AllAnalyzers.Create();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var diagnostics = await output.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync(CancellationToken.None);
        var generated = string.Join("\n", run.GeneratedSources.Select(s => "// " + s.HintName + "\n" + s.SourceText));
        return (diagnostics, generated);
    }

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));
}
