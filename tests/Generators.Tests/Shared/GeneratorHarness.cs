using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace RaySharp.Generators.Tests.Shared;

/// <summary>Compiles test sources offline against .NET 10, RaySharp and MessagePack, and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(RayRuntime).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(MessagePack.MessagePackSerializer).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(MessagePack.MessagePackObjectAttribute).Assembly.Location))
            .ToImmutableArray());

    /// <summary>The references every test compilation gets.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>A library compilation of <paramref name="sources"/>, with nullable checks on.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "RaySharp.TestInput",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Input{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // As the SDK does: MessagePack's net6.0 build references System.Runtime 6.0, unified with 10.0.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    /// <summary>A driver that tracks steps, as the caching tests need.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new RemoteGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="sources"/>; returns the generated files and the updated compilation.</summary>
    public static GeneratorOutput Run(params string[] sources)
    {
        var input = Compile(sources);
        AssertNoErrors(input.GetParseDiagnostics(), "parsing the test input");
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        AssertNoErrors(generatorDiagnostics, "running the generator");
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new XunitException("The generator threw: " + exception);
        }

        var files = result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        return new GeneratorOutput(files, output, result);
    }

    /// <summary>
    /// Asserts the compilation has no errors and no warnings (nullable ones included). A missing XML comment (CS1591)
    /// counts only in generated files: test inputs need not document themselves.
    /// </summary>
    public static void AssertCompilesClean(Compilation compilation)
    {
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Id != "CS1591" || IsGenerated(d))
            .ToList();
        if (problems.Count > 0)
        {
            throw new XunitException("The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(Describe)));
        }
    }

    /// <summary>The diagnostics of <paramref name="compilation"/> at warning level or above, described.</summary>
    public static List<string> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").Select(Describe).ToList();

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private static void AssertNoErrors(IEnumerable<Diagnostic> diagnostics, string stage)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new XunitException($"Errors while {stage}:\n" + string.Join("\n", errors.Select(Describe)));
        }
    }

    private static string Describe(Diagnostic d)
    {
        var line = d.Location.GetLineSpan();
        var text = d.Location.SourceTree?.GetText().Lines[line.StartLinePosition.Line].ToString().Trim();
        return $"{System.IO.Path.GetFileName(line.Path)}({line.StartLinePosition.Line + 1}): {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n    {text}";
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutput(List<(string HintName, string Text)> Files, Compilation Compilation, GeneratorRunResult Result)
{
    /// <summary>The text of the file whose hint name is <paramref name="hintName"/>.</summary>
    public string File(string hintName) => Files.Single(f => f.HintName == hintName).Text;
}
