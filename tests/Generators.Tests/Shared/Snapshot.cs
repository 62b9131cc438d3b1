using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace RaySharp.Generators.Tests.Shared;

/// <summary>
/// Snapshot assertions with Verify's conventions, without the Verify packages: each generated file is compared with
/// <c>Snapshots/{Class}.{Method}#{HintName minus .cs}.verified.cs</c> next to the test file.
/// </summary>
/// <remarks>
/// Text is normalized first (BOM stripped, CRLF → LF, trailing newline dropped, the <c>[GeneratedCode]</c> version
/// replaced by <c>{version}</c>). A mismatch or a missing verified file writes <c>*.received.cs</c> beside it and
/// fails with a diff; a verified file the run did not produce also fails. Set <c>RAY_ACCEPT_SNAPSHOTS=1</c> to accept
/// (received replaces verified, dangling verified files are deleted); that is ignored when <c>CI=true</c>.
/// </remarks>
internal static partial class Snapshot
{
    private const int MaxDiffLines = 60;

    /// <summary>Checks every generated file of one test against its verified snapshot.</summary>
    /// <param name="files">Hint name and text of each generated file.</param>
    /// <param name="testFile">Filled in by the compiler: the test's source file.</param>
    /// <param name="testMethod">Filled in by the compiler: the test method.</param>
    public static void Verify(IEnumerable<(string HintName, string Text)> files, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var directory = Path.Combine(ProjectDirectory(testFile), "Snapshots");
        var prefix = Path.GetFileNameWithoutExtension(testFile.Replace('\\', '/').Split('/')[^1]) + "." + testMethod;
        Directory.CreateDirectory(directory);
        var accept = Environment.GetEnvironmentVariable("RAY_ACCEPT_SNAPSHOTS") == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        var failures = new List<string>();
        var expectedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, text) in files.OrderBy(f => f.HintName, StringComparer.Ordinal))
        {
            var stem = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;
            var verifiedPath = Path.Combine(directory, prefix + "#" + stem + ".verified.cs");
            var receivedPath = Path.Combine(directory, prefix + "#" + stem + ".received.cs");
            expectedPaths.Add(verifiedPath);
            var received = Normalize(text);
            var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (verified == received)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verifiedPath, received + "\n", new UTF8Encoding(false));
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, received + "\n", new UTF8Encoding(false));
            failures.Add(verified is null
                ? $"New snapshot {Path.GetFileName(verifiedPath)}: review {Path.GetFileName(receivedPath)}."
                : $"Snapshot {Path.GetFileName(verifiedPath)} differs:\n{Diff(verified, received)}");
        }

        foreach (var dangling in Directory.GetFiles(directory, prefix + "#*.verified.cs").Where(p => !expectedPaths.Contains(p)))
        {
            if (accept)
            {
                File.Delete(dangling);
            }
            else
            {
                failures.Add($"Snapshot {Path.GetFileName(dangling)} was not produced by this run (dangling verified file).");
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException(string.Join("\n\n", failures)
                + "\n\nTo accept: RAY_ACCEPT_SNAPSHOTS=1 dotnet test tests/Generators.Tests --filter \"FullyQualifiedName~" + testMethod + "\"");
        }
    }

    /// <summary>
    /// The test project's folder, recorded at build time. <c>[CallerFilePath]</c> alone is not enough: a CI build
    /// (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/…</c>. Test classes live in the project's root.
    /// </summary>
    private static string ProjectDirectory(string testFile)
    {
        var recorded = typeof(Snapshot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RaySharp.TestProjectDirectory")?.Value;
        return recorded is { Length: > 0 } && Directory.Exists(recorded) ? recorded : Path.GetDirectoryName(testFile)!;
    }

    /// <summary>Strips the BOM, converts CRLF to LF, drops the trailing newline and scrubs the generator version.</summary>
    public static string Normalize(string text)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        return VersionPattern().Replace(text, "GeneratedCode(\"RaySharp.Generators\", \"{version}\")");
    }

    private static string Diff(string verified, string received)
    {
        var builder = new StringBuilder();
        var lines = 0;
        foreach (var line in InlineDiffBuilder.Diff(verified, received).Lines)
        {
            var mark = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => null,
            };
            if (mark is null)
            {
                continue;
            }

            if (++lines > MaxDiffLines)
            {
                builder.AppendLine("  … (diff cut at " + MaxDiffLines + " lines)");
                break;
            }

            builder.Append(mark).Append(line.Position is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) + ": " : "      ").AppendLine(line.Text);
        }

        return builder.ToString();
    }

    [GeneratedRegex("GeneratedCode\\(\"RaySharp\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
