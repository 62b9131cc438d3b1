using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// The C# in README.md and docs/guide is true: every <c>```csharp</c> block compiles as a program of its own against
/// the runtime, with the generator and the analyzers running as in a user's build, and without a warning or a RAY
/// suggestion; a block followed by a <c>```text</c> block runs and prints those lines.
/// </summary>
public class DocumentationCodeTests
{
    public static TheoryData<string> Blocks => new(MarkdownCode.All().Select(b => b.ToString()));

    public static TheoryData<string> BlocksWithOutput => new(MarkdownCode.All().Where(b => b.ExpectedOutput is not null).Select(b => b.ToString()));

    [Fact]
    public void ReadmeTaste_HasItsOutput()
    {
        var readme = MarkdownCode.Read(Repository.PathOf("README.md")).ToList();
        Assert.NotEmpty(readme);
        Assert.True(readme[0].ExpectedOutput is not null, "README.md's first C# block (A taste) has no ```text block with its output after it");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_CompilesCleanly(string block)
    {
        var code = Find(block);
        var compilation = DocumentationCompiler.Compile(code);

        var problems = DocumentationCompiler.Problems(compilation);

        Assert.True(problems.Count == 0,
            $"{block}: the code does not compile cleanly as a program of its own:\n{string.Join("\n", problems)}\n--- code:\n{code.Code}");
    }

    [Theory]
    [MemberData(nameof(BlocksWithOutput))]
    public async Task Block_PrintsItsOutput(string block)
    {
        var code = Find(block);
        var folder = Directory.CreateTempSubdirectory("raysharp-docs-").FullName;
        try
        {
            var program = DocumentationCompiler.EmitProgram(code, folder);
            var run = await ProcessRun.StartAsync("dotnet", [program], folder, TimeSpan.FromMinutes(2));

            Assert.True(run.ExitCode == 0, $"{block}: the program failed.\n{run.Describe()}");
            // Programs with Wait loops print in the order tasks finish, so lines are compared as a multiset.
            var expected = Lines(code.ExpectedOutput!);
            var actual = Lines(run.Output);
            Assert.True(expected.SequenceEqual(actual),
                $"{block}: the program printed something else than the ```text block after it (lines sorted):\n--- expected:\n{string.Join("\n", expected)}\n--- actual:\n{string.Join("\n", actual)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MarkdownCode Find(string block) => MarkdownCode.All().Single(b => b.ToString() == block);

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
}
