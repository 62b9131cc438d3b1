using System;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// The packaging checks in tests/Packaging, one test each: the package used by a fresh consumer, that consumer published
/// with NativeAOT, and the `dotnet new raysharp` template. They share one RaySharp package packed from this build
/// (<see cref="PackedRaySharp"/>); their collection runs them one at a time, since each is a build of its own.
/// </summary>
[Collection(WholeProgramCollection.Name)]
public class PackagingScriptTests(PackedRaySharp packed) : IClassFixture<PackedRaySharp>
{
    [Theory]
    [InlineData("check-package")]
    [InlineData("check-aot")]
    [InlineData("check-template")]
    public async Task Script_Passes(string script)
    {
        var run = await ProcessRun.StartAsync("bash", [Repository.PathOf("tests", "Packaging", script + ".sh")], Repository.Root,
            TimeSpan.FromMinutes(8), packed.Environment);

        Assert.True(run.ExitCode == 0, $"tests/Packaging/{script}.sh failed; run it alone to reproduce.\n{run.Describe()}");
        Assert.Contains($"{script}: OK", run.Output, StringComparison.Ordinal);
    }
}
