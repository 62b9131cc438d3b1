using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

/// <summary>
/// The pipeline is incremental: a second run on the same input is fully cached, an unrelated edit regenerates
/// nothing, a signature edit regenerates, and step outputs hold no symbols, syntax or compilations.
/// </summary>
public sealed class CachingTests
{
    private const string Declarations = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public sealed record Datum(int Id, int Twice, string Word);

        public static partial class Tutorial
        {
            [RayRemote(NumCpus = 2)]
            public static Datum GetRefDatum(int id, string[] referenceData) => new(id, 2 * id, referenceData[0]);

            [RayRemote]
            public static Task<Dictionary<string, List<Datum>>> GroupAsync(List<Datum> data) => Task.FromResult(new Dictionary<string, List<Datum>>());
        }

        [RayRemote(MaxConcurrency = 2)]
        public sealed partial class Counter
        {
            private int _value;

            public Counter(int start) => _value = start;

            public int Increment(int by) => _value += by;
        }
        """;

    private static readonly string[] s_trackingNames = typeof(RemoteGenerator).Assembly
        .GetType("RaySharp.Generators.TrackingNames")!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_tracking_name_is_used()
    {
        var result = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Declarations)).GetRunResult().Results.Single();

        Assert.All(s_trackingNames, name => Assert.True(result.TrackedSteps.ContainsKey(name), name + " is never tracked"));
    }

    [Fact]
    public void A_second_run_is_fully_cached()
    {
        var compilation = GeneratorHarness.Compile(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertCached(second);
    }

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = Sources(driver.GetRunResult().Results.Single());

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Other; public sealed class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertCached(second);
        Assert.Equal(before, Sources(second));
    }

    [Fact]
    public void A_body_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = Sources(driver.GetRunResult().Results.Single());

        var edited = Replace(compilation, "referenceData[0]", "referenceData[1]");
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(second.TrackedSteps[TrackingNames.TaskTypes].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Equal(before, Sources(second));
    }

    [Fact]
    public void A_signature_edit_regenerates_the_type()
    {
        var compilation = GeneratorHarness.Compile(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = Sources(driver.GetRunResult().Results.Single());

        var edited = Replace(compilation, "GetRefDatum(int id,", "GetRefDatum(long id,");
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[TrackingNames.TaskTypes].SelectMany(s => s.Outputs),
            o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.All(second.TrackedSteps[TrackingNames.ActorTypes].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var after = Sources(second);
        Assert.NotEqual(before["App.Tutorial.Remote.g.cs"], after["App.Tutorial.Remote.g.cs"]);
        Assert.Equal(before["App.Counter.Remote.g.cs"], after["App.Counter.Remote.g.cs"]);
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var result = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Declarations)).GetRunResult().Results.Single();

        foreach (var (name, runs) in result.TrackedSteps.Where(kv => s_trackingNames.Contains(kv.Key)))
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                AssertObjectGraph(output.Value, name);
            }
        }
    }

    [Fact]
    public void The_driver_does_not_keep_an_old_compilation_alive()
    {
        var driver = GeneratorHarness.CreateDriver();
        var (oldCompilation, oldSymbol) = RunAndForget(ref driver);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(oldCompilation.IsAlive, "the first compilation is still reachable");
        Assert.False(oldSymbol.IsAlive, "a symbol of the first compilation is still reachable");
        GC.KeepAlive(driver);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Compilation, WeakReference Symbol) RunAndForget(ref GeneratorDriver driver)
    {
        var first = GeneratorHarness.Compile(Declarations);
        driver = driver.RunGenerators(first);
        var symbol = first.GetTypeByMetadataName("App.Tutorial")!;

        // A second, separately parsed compilation replaces the first in the driver's state.
        driver = driver.RunGenerators(GeneratorHarness.Compile(Declarations + "\n// edited"));
        return (new WeakReference(first), new WeakReference(symbol));
    }

    private static void AssertCached(GeneratorRunResult result)
    {
        foreach (var (name, runs) in result.TrackedSteps.Where(kv => s_trackingNames.Contains(kv.Key)))
        {
            Assert.All(runs.SelectMany(r => r.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }

    private static Dictionary<string, string> Sources(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static Compilation Replace(Compilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(oldText, StringComparison.Ordinal));
        var text = tree.GetText();
        var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
        var changed = text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(start, oldText.Length), newText));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(changed));
    }

    /// <summary>Walks everything reachable from a step output and fails on a symbol, syntax node or compilation.</summary>
    private static void AssertObjectGraph(object? root, string step)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        if (root is not null)
        {
            pending.Push((root, step));
        }

        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            var type = value.GetType();
            if (type.IsPrimitive || value is string || type.IsEnum || !seen.Add(value))
            {
                continue;
            }

            Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
                $"{path} holds a {type.Name}");

            if (value is IEnumerable sequence and not string)
            {
                var i = 0;
                foreach (var item in sequence)
                {
                    if (item is not null)
                    {
                        pending.Push((item, $"{path}[{i}]"));
                    }

                    i++;
                }
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    if (field.GetValue(value) is { } child)
                    {
                        pending.Push((child, path + "." + field.Name));
                    }
                }
            }
        }
    }
}
