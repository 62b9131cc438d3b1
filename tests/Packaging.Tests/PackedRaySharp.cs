using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// RaySharp packed once, from the assemblies this test run was built with, for all the packaging scripts: each script
/// would otherwise pack (and so build) the runtime and its Roslyn components again. The version is unique, so restore
/// can only take this package; the scripts remove its copy from the NuGet cache when they finish.
/// </summary>
public sealed class PackedRaySharp : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("raysharp-packed-").FullName;

    /// <summary>The .nupkg, for the scripts' RAYSHARP_PACKED variable.</summary>
    public string Package { get; private set; } = "";

    /// <summary>The environment that makes a script use <see cref="Package"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["RAYSHARP_PACKED"] = Package };

    public async Task InitializeAsync()
    {
        var version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{System.Environment.ProcessId}";
        var run = await ProcessRun.StartAsync("dotnet",
            ["pack", Repository.PathOf("src", "Runtime", "Runtime.csproj"), "--no-build", "-c", Repository.Configuration, "-o", _folder, $"-p:Version={version}"],
            Repository.Root, TimeSpan.FromMinutes(3));
        Package = Path.Combine(_folder, $"RaySharp.{version}.nupkg");
        if (run.ExitCode != 0 || !File.Exists(Package))
        {
            throw new InvalidOperationException($"packing RaySharp for the packaging scripts failed.\n{run.Describe()}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
