using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// A <c>```csharp</c> block of a markdown file: a complete program. A <c>```text</c> block that opens at most three lines
/// after it closes is what the program prints. A block fenced <c>```csharp fragment</c> is a fragment and is skipped.
/// </summary>
internal sealed record MarkdownCode(string File, int Line, string Code, string? ExpectedOutput)
{
    /// <summary>The markdown files whose C# is checked: the README and the user guide.</summary>
    public static IEnumerable<string> Files() =>
        new[] { Repository.PathOf("README.md") }
            .Concat(Directory.GetFiles(Repository.PathOf("docs", "guide"), "*.md").Order(StringComparer.Ordinal));

    /// <summary>Every program in <see cref="Files"/>.</summary>
    public static IReadOnlyList<MarkdownCode> All() => Files().SelectMany(Read).ToList();

    /// <summary>The programs of one markdown file, in order.</summary>
    public static IEnumerable<MarkdownCode> Read(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        var name = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```csharp")
            {
                continue;
            }

            var (code, close) = Body(lines, i, name);
            string? output = null;
            for (var j = close + 1; j < lines.Length && j <= close + 4; j++)
            {
                if (lines[j].TrimEnd() == "```text")
                {
                    output = Body(lines, j, name).Text;
                    break;
                }
            }

            yield return new MarkdownCode(name, i + 1, code, output);
            i = close;
        }
    }

    /// <summary>The block's name in test output: <c>README.md:23</c>.</summary>
    public override string ToString() => $"{File}:{Line}";

    private static (string Text, int Close) Body(string[] lines, int open, string file)
    {
        for (var close = open + 1; close < lines.Length; close++)
        {
            if (lines[close].TrimEnd() == "```")
            {
                return (string.Join("\n", lines[(open + 1)..close]) + "\n", close);
            }
        }

        throw new InvalidDataException($"{file}:{open + 1}: a code block that is never closed");
    }
}
