using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Analyzers;
using RaySharp.Generators;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// Compiles a documentation block as a user's build would: a console program against .NET 10, RaySharp and MessagePack,
/// with RaySharp's generator and analyzers, nullable checks on and no implicit usings (so a block names its usings).
/// </summary>
internal static class DocumentationCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly Assembly[] s_runtimeAssemblies =
    [
        typeof(RayRuntime).Assembly,
        typeof(MessagePack.MessagePackSerializer).Assembly,
        typeof(MessagePack.MessagePackObjectAttribute).Assembly,
    ];

    private static readonly ImmutableArray<MetadataReference> s_references =
        [.. Basic.Reference.Assemblies.Net100.References.All, .. s_runtimeAssemblies.Select(a => MetadataReference.CreateFromFile(a.Location))];

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers =
        [.. typeof(HelpLinks).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    /// <summary>The block as a console program, with the generator's sources added.</summary>
    public static Compilation Compile(MarkdownCode code)
    {
        var input = CSharpCompilation.Create(
            "DocsProgram",
            [CSharpSyntaxTree.ParseText(code.Code, s_parseOptions, path: code.File.Replace('/', '_') + "_" + code.Line + ".cs")],
            s_references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // As the SDK does: MessagePack's net6.0 build references System.Runtime 6.0, unified with 10.0.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
        CSharpGeneratorDriver.Create([new RemoteGenerator().AsSourceGenerator()], parseOptions: s_parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        if (generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("the generator failed: " + string.Join("; ", generatorDiagnostics));
        }

        return output;
    }

    /// <summary>Compiler errors and warnings, and every RAY diagnostic of Info severity or above, as text.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation)
    {
        var withAnalyzers = compilation.WithAnalyzers(s_analyzers);
        return withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || (d.Id.StartsWith("RAY", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Info))
            .Select(d => d.ToString())
            .ToList();
    }

    /// <summary>
    /// Writes the block as <c>DocsProgram.dll</c> into <paramref name="folder"/> with RaySharp and its dependencies beside it
    /// and a runtime config, so that <c>dotnet DocsProgram.dll</c> runs it; returns its path.
    /// </summary>
    public static string EmitProgram(MarkdownCode code, string folder)
    {
        var compilation = Compile(code);
        var program = Path.Combine(folder, "DocsProgram.dll");
        var result = compilation.Emit(program);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{code}: emit failed: " + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        // RaySharp and its dependencies as this test's build resolved them (MessagePack and what it needs, the logging abstractions).
        foreach (var pattern in new[] { "RaySharp.dll", "MessagePack*.dll", "Microsoft.NET.StringTools.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll" })
        {
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, pattern))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        File.WriteAllText(Path.Combine(folder, "DocsProgram.runtimeconfig.json"),
            $$"""{ "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.ToString(3)}}" } } }""");
        return program;
    }
}
