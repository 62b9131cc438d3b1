using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// Every relative link in the README and under docs/ reaches a file of the repository, and a <c>#anchor</c> into a
/// markdown file names one of its headings (GitHub's slugs: lower case, punctuation dropped, spaces as hyphens).
/// </summary>
public partial class MarkdownLinkTests
{
    public static TheoryData<string> Files => new(
        new[] { Repository.PathOf("README.md") }
            .Concat(Directory.GetFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void RelativeLinks_Resolve(string file)
    {
        var path = Repository.PathOf(file);
        var broken = new List<string>();
        foreach (Match link in LinkPattern().Matches(WithoutCode(File.ReadAllText(path))))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#');
            var targetFile = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = targetFile.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, targetFile));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Slugs(resolved).Contains(anchor))
            {
                broken.Add($"{target}: {Path.GetFileName(resolved)} has no heading with the anchor #{anchor}");
            }
        }

        Assert.True(broken.Count == 0, $"{file} has broken links:\n{string.Join("\n", broken)}");
    }

    private static HashSet<string> Slugs(string markdown) =>
        WithoutCode(File.ReadAllText(markdown)).Split('\n')
            .Where(l => l.StartsWith('#'))
            .Select(l => Slug(l.TrimStart('#').Trim()))
            .ToHashSet(StringComparer.Ordinal);

    private static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string WithoutCode(string markdown) => FencePattern().Replace(markdown, "");

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
