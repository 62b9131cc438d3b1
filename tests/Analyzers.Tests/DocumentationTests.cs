using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RaySharp.Analyzers.Declarations;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

/// <summary>
/// Every descriptor has its page and its index row, its help link points at that page, and the release-tracking
/// files list it. Reflects over the shipped analyzers, so a new rule without docs fails here.
/// </summary>
public class DocumentationTests
{
    private static readonly string s_repository = FindRepository();
    private static readonly string s_docs = Path.Combine(s_repository, "docs", "diagnostics");

    public static TheoryData<string> Ids => new(AllAnalyzers.Descriptors.Select(d => d.Id));

    [Fact]
    public void EveryDeclarationRuleIsReportedByTheOneDeclarationAnalyzer()
    {
        string[] ids = ["RAY0001", "RAY0002", "RAY0003", "RAY0004", "RAY0005", "RAY0006", "RAY0007", "RAY0008", "RAY0009", "RAY0010"];
        Assert.Equal(ids, AllAnalyzers.Descriptors.Select(d => d.Id).Where(id => string.CompareOrdinal(id, "RAY0100") < 0));
        Assert.Equal(ids, new DeclarationRulesAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.DoesNotContain(AllAnalyzers.Types, t => t.Name.StartsWith("RAY00", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasPageWithTitleAndSeverity(string id)
    {
        var descriptor = Descriptor(id);
        var page = Path.Combine(s_docs, id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page: create docs/diagnostics/{id}.md");

        var text = File.ReadAllText(page);
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        Assert.Equal("# " + id + " " + descriptor.Title, firstLine);
        Assert.Contains("| " + descriptor.DefaultSeverity + " | " + descriptor.Category + " |", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Examples of patterns that are flagged", "## Solution", "## Configuration / suppression" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasIndexRow(string id)
    {
        var descriptor = Descriptor(id);
        var row = IndexRows().FirstOrDefault(r => r[0] == $"[{id}]({id}.md)");
        Assert.True(row is not null, $"{id} has no row in docs/diagnostics/index.md");
        Assert.Equal(descriptor.Title.ToString(), row![1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
        Assert.Equal(AllCodeFixes.FixableIds.Contains(id) ? "Yes" : "No", row[3]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HelpLinkIsItsPage(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal("https://github.com/raysharp/raysharp/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        Assert.Equal(id + ".md", descriptor.HelpLinkUri.Split('/').Last());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_FollowsTheStyleGuide(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Matches("^RAY[0-9]{4}$", id);
        Assert.Contains(descriptor.Category, new[] { "Usage", "Reliability" });
        Assert.Contains("RaySharp", descriptor.CustomTags);
        Assert.True(descriptor.IsEnabledByDefault);
        var message = descriptor.MessageFormat.ToString();
        Assert.False(message.EndsWith('.'), "a one-sentence message has no trailing period (RS1032)");
        Assert.Contains(":", message, StringComparison.Ordinal); // problem, then the fix
        if (string.CompareOrdinal(id, "RAY0100") < 0)
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Contains("DeclarationContract", descriptor.CustomTags);
            return; // reported by DeclarationRulesAnalyzer, one walk for all ten ids
        }

        // A usage analyzer class carries the id in its name and as a constant.
        var analyzer = AllAnalyzers.Types.Single(t => t.Name.StartsWith(id, StringComparison.Ordinal));
        Assert.EndsWith("Analyzer", analyzer.Name, StringComparison.Ordinal);
        Assert.Equal(id, analyzer.GetField("Id", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue());
    }

    [Fact]
    public void EverySuppression_HasPageAndIndexRow()
    {
        Assert.NotEmpty(AllAnalyzers.Suppressions);
        foreach (var suppression in AllAnalyzers.Suppressions)
        {
            var page = Path.Combine(s_docs, suppression.Id + ".md");
            Assert.True(File.Exists(page), $"{suppression.Id} has no page: create docs/diagnostics/{suppression.Id}.md");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + suppression.Id + " ", text, StringComparison.Ordinal);
            Assert.Contains("| Suppressor | " + suppression.SuppressedDiagnosticId + " |", text, StringComparison.Ordinal);
            var row = IndexRows().FirstOrDefault(r => r[0] == $"[{suppression.Id}]({suppression.Id}.md)");
            Assert.True(row is not null, $"{suppression.Id} has no row in docs/diagnostics/index.md");
            Assert.Equal(suppression.SuppressedDiagnosticId, row![2]);
        }
    }

    [Fact]
    public void EveryPageHasADescriptorOrIsRemoved()
    {
        var known = AllAnalyzers.Descriptors.Select(d => d.Id).Concat(AllAnalyzers.Suppressions.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);
        var index = File.ReadAllText(Path.Combine(s_docs, "index.md"));
        var removed = index[index.IndexOf("## Removed Rules", StringComparison.Ordinal)..];
        foreach (var page in Directory.GetFiles(s_docs, "RAY*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            Assert.True(known.Contains(id) || removed.Contains(id, StringComparison.Ordinal), $"docs/diagnostics/{id}.md has no descriptor and is not under Removed Rules");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsInReleaseTracking(string id)
    {
        var descriptor = Descriptor(id);
        var analyzers = Path.Combine(s_repository, "src", "Analyzers");
        var rows = File.ReadAllLines(Path.Combine(analyzers, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(analyzers, "AnalyzerReleases.Unshipped.md")))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length == 4 && c[0] == id)
            .ToList();
        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    private static DiagnosticDescriptor Descriptor(string id) => AllAnalyzers.Descriptors.Single(d => d.Id == id);

    /// <summary>The cells of each table row of index.md's "Rules" table.</summary>
    private static List<string[]> IndexRows() =>
        File.ReadAllLines(Path.Combine(s_docs, "index.md"))
            .Where(l => l.StartsWith("| [RAY", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();

    /// <summary>The repository root: two levels above this test project (recorded at build time, not from source paths).</summary>
    private static string FindRepository()
    {
        var project = typeof(DocumentationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RaySharp.TestProjectDirectory")?.Value;
        var start = project is { Length: > 0 } && Directory.Exists(project) ? project : AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sdk.sln not found above " + start);
    }
}
