using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace RaySharp.Fuzzing;

/// <summary>Replays and mutates a corpus, and reports findings: an unexpected exception, a hang or a huge allocation.</summary>
public static class Harness
{
    /// <summary>An input that takes longer than this is reported as a hang.</summary>
    internal static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    /// <summary>An input that allocates more than this (no input here is larger than a few KB) is reported as unbounded.</summary>
    private const long AllocationLimit = 256L << 20;

    /// <summary>Runs one input and lets an unexpected exception escape, so libFuzzer and AFL record it as a crash.</summary>
    public static void RunExpecting(string target, ReadOnlySpan<byte> input)
    {
        try
        {
            Targets.Run(target, input);
        }
        catch (Exception error) when (Targets.IsExpected(target, error))
        {
        }
    }

    /// <summary>Runs every input of <paramref name="corpus"/> (one folder per target); true when all ended as documented.</summary>
    public static bool Replay(string corpus, TextWriter log)
    {
        var findings = 0;
        var inputs = 0;
        foreach (var (target, files) in Load(corpus))
        {
            foreach (var (name, bytes) in files)
            {
                inputs++;
                findings += Check(target, bytes, name, log) ? 0 : 1;
            }
        }

        log.WriteLine($"replay: {inputs} inputs, {findings} findings");
        return findings == 0 && inputs > 0;
    }

    /// <summary>Replays the corpus, then runs random mutations of it for <paramref name="duration"/>; true when nothing was found.</summary>
    public static bool Mutate(string corpus, TimeSpan duration, int seed, TextWriter log)
    {
        if (!Replay(corpus, log))
        {
            return false;
        }

        var mutator = new Mutator(seed);
        var random = new Random(seed);
        var targets = Load(corpus).Select(t => (t.Target, Inputs: t.Files.Select(f => f.Bytes).ToList())).ToList();
        var clock = Stopwatch.StartNew();
        long runs = 0;
        var findings = 0;
        var outcomes = new Dictionary<string, long>();
        while (clock.Elapsed < duration)
        {
            var (target, inputs) = targets[random.Next(targets.Count)];
            var input = mutator.Mutate(inputs[random.Next(inputs.Count)], inputs);
            if (target == "spill" && random.Next(2) == 0)
            {
                Reseal(input); // half the spill inputs get a valid trailer, so the payload reaches the deserializer
            }

            runs++;
            var outcome = Outcome(target, input, out var finding);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (finding is not null)
            {
                findings++;
                var file = Save(corpus, target, input);
                log.WriteLine($"FINDING in {target}: {finding} (input saved to {file})");
            }
        }

        log.WriteLine($"mutate: seed {seed}, {runs} inputs in {clock.Elapsed.TotalMinutes:F1} min, {findings} findings; outcomes: "
            + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        return findings == 0;
    }

    private static bool Check(string target, byte[] bytes, string name, TextWriter log)
    {
        Outcome(target, bytes, out var finding);
        if (finding is not null)
        {
            log.WriteLine($"FINDING in {target}/{name}: {finding}");
        }

        return finding is null;
    }

    /// <summary>Runs one input; <paramref name="finding"/> says what went wrong, or is null when it ended as documented.</summary>
    private static string Outcome(string target, byte[] input, out string? finding)
    {
        Watchdog.Enter(target, input);
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        string outcome;
        finding = null;
        try
        {
            Targets.Run(target, input);
            outcome = "value";
        }
        catch (Exception error) when (Targets.IsExpected(target, error))
        {
            outcome = error.GetType().Name;
        }
        catch (Exception error)
        {
            outcome = "unexpected " + error.GetType().Name;
            finding = error.ToString();
        }

        if (clock.Elapsed > HangLimit)
        {
            finding ??= $"took {clock.Elapsed.TotalSeconds:F1} s (hang)";
        }

        Watchdog.Leave();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (bytes > AllocationLimit)
        {
            finding ??= $"allocated {bytes:N0} bytes for a {input.Length}-byte input (a length read from the input is not capped)";
        }

        return outcome;
    }

    private static List<(string Target, List<(string Name, byte[] Bytes)> Files)> Load(string corpus) =>
        Targets.Names
            .Where(target => Directory.Exists(Path.Combine(corpus, target)))
            .Select(target => (target, Directory.GetFiles(Path.Combine(corpus, target)).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList()))
            .Where(t => t.Item2.Count > 0)
            .ToList();

    private static string Save(string corpus, string target, byte[] input)
    {
        var folder = Path.Combine(corpus, "..", "findings", target);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..16] + ".bin");
        File.WriteAllBytes(file, input);
        return Path.GetFullPath(file);
    }

    /// <summary>Rewrites the trailer of a mutated spill file to match its (mutated) payload.</summary>
    private static void Reseal(byte[] file)
    {
        if (file.Length >= RaySharp.Objects.Store.SpillFileFormat.TrailerBytes)
        {
            var payload = file.AsSpan(0, file.Length - RaySharp.Objects.Store.SpillFileFormat.TrailerBytes);
            RaySharp.Objects.Store.SpillFileFormat.WriteTrailer(file.AsSpan(payload.Length), payload.Length, RaySharp.Objects.Store.SpillFileFormat.Crc32C(0, payload));
        }
    }
}
