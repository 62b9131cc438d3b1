using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// The seam holds: nothing above <c>Backend/IRayBackend</c> names the in-process implementation. Only the seam's own
/// folder and the local implementation (the scheduler and the actor mailboxes) may name its types.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The types of the in-process backend, which only the namespaces below may name.</summary>
    private static readonly HashSet<string> s_localTypes =
        ["LocalBackend", "LocalTask", "LocalActor", "Scheduler", "LiveTaskSet", "RunningTasks", "ThreadBudget", "ActorIncarnation", "ResourcePool", "CallDeque"];

    private static readonly HashSet<string> s_localNamespaces = ["RaySharp.Backend", "RaySharp.Scheduling", "RaySharp.Actors"];

    [Fact]
    public void Nothing_above_the_seam_names_the_local_backend()
    {
        var violations = new List<string>();
        var files = Directory.EnumerateFiles(RuntimeSourceDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"found only {files.Count} runtime sources");
        foreach (var path in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            var ns = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString();
            if (s_localNamespaces.Contains(ns))
            {
                continue;
            }

            violations.AddRange(root.DescendantNodes()
                .OfType<SimpleNameSyntax>()
                .Where(name => s_localTypes.Contains(name.Identifier.ValueText))
                .Select(name => $"{Path.GetFileName(path)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ({ns}) names {name.Identifier.ValueText}"));
        }

        Assert.True(violations.Count == 0, "Code above the seam names the local backend:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_local_namespaces_hold_the_local_types()
    {
        // Guards the check above against a rename that would make it pass vacuously.
        var declared = Directory.EnumerateFiles(RuntimeSourceDirectory(), "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Select(type => type.Identifier.ValueText)
            .ToHashSet();
        Assert.Empty(s_localTypes.Except(declared));
    }

    /// <summary>src/Runtime of the repository this test assembly was built in (found upwards from the assembly: CI builds map source paths away).</summary>
    private static string RuntimeSourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return Path.Combine(directory.FullName, "src", "Runtime");
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
