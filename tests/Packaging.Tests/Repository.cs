using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace RaySharp.Packaging.Tests;

/// <summary>Where the repository is and which configuration this test assembly was built in (from its metadata).</summary>
internal static class Repository
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Metadata("RaySharp.RepositoryRoot");

    /// <summary>The build configuration (Release in CI), in which the samples were built beside these tests.</summary>
    public static string Configuration { get; } = Metadata("RaySharp.Configuration");

    /// <summary>A path under the root, from its parts.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"the test assembly has no AssemblyMetadata '{key}' (see Packaging.Tests.csproj)");
}
