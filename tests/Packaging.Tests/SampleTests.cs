using System;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Packaging.Tests;

/// <summary>The samples, the README's first command among them, run and checked by what they print.</summary>
[Collection(WholeProgramCollection.Name)]
public class SampleTests
{
    [Fact]
    public Task QuickStart_PrintsTheTutorialsResults() =>
        AssertPrints("QuickStart",
            "same data as serial: True",
            "((2, 4, Simple), (4, 8, Computing))",
            "((6, 12, and), (12, 24, Simple))",
            "Run 1: counts [2, 2, 2, 2, 2]",
            "Run 2: counts [4, 4, 4, 4, 4]");

    [Fact]
    public Task ParameterServer_Converges() =>
        AssertPrints("ParameterServer", "iteration 40: loss 0.000", "all 4 workers done: loss 0.000");

    [Fact]
    public Task Cluster_RunsTheTutorialOnAHeadAndTwoWorkerProcesses() =>
        AssertPrints("Cluster",
            "starting the head node",
            "head node   pid",
            "((2, 4, Simple), (4, 8, Computing))",
            "Run 1: counts [2, 2, 2, 2, 2]",
            "Run 2: counts [4, 4, 4, 4, 4]",
            "Stopped 3 nodes");

    private static async Task AssertPrints(string sample, params string[] expected)
    {
        var run = await ProcessRun.StartAsync("dotnet",
            ["run", "--no-build", "-c", Repository.Configuration, "--project", Repository.PathOf("samples", sample)],
            Repository.Root, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, $"sample {sample} failed.\n{run.Describe()}");
        foreach (var line in expected)
        {
            Assert.True(run.Output.Contains(line, StringComparison.Ordinal), $"sample {sample} did not print: {line}\n{run.Describe()}");
        }
    }
}
