using System;
using System.IO;
using RaySharp.Fuzzing;
using Xunit;

namespace RaySharp.Properties.Tests;

/// <summary>
/// CI's short form of the fuzzing run (tests/Fuzzing): every corpus input, then a few seconds of fixed-seed mutations,
/// must end in a value or the target's documented exception, within the harness's time and allocation limits.
/// </summary>
public sealed class FuzzCorpusTests
{
    [Fact]
    public void Every_corpus_input_ends_as_documented()
    {
        using var ray = new CaseRuntime(new RayOptions { NumCpus = 1 });
        var log = new StringWriter();

        Assert.True(Harness.Replay(Corpus(), log), log.ToString());
    }

    [Fact]
    public void Seconds_of_mutations_find_nothing()
    {
        using var ray = new CaseRuntime(new RayOptions { NumCpus = 1 });
        var log = new StringWriter();

        Assert.True(Harness.Mutate(Corpus(), TimeSpan.FromSeconds(3), seed: 17, log), log.ToString());
    }

    private static string Corpus()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sdk.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "Fuzzing", "corpus");
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
