using System;
using System.Globalization;
using System.IO;
using RaySharp;
using RaySharp.Fuzzing;
using SharpFuzz;

// The fuzzing harness for RaySharp's deserializers; see README.md beside it for the commands.
var mode = args.Length > 0 ? args[0] : "help";
using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
using var current = runtime.MakeCurrent(); // nested refs read back through the current runtime
switch (mode)
{
    case "seed" when args.Length == 2:
        foreach (var (target, name, bytes) in Targets.Seeds())
        {
            Directory.CreateDirectory(Path.Combine(args[1], target));
            File.WriteAllBytes(Path.Combine(args[1], target, name + ".bin"), bytes);
        }

        return 0;
    case "replay" when args.Length == 2:
        return Harness.Replay(args[1], Console.Out) ? 0 : 1;
    case "mutate" when args.Length >= 3:
        var minutes = double.Parse(args[2], CultureInfo.InvariantCulture);
        var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.TickCount;
        return Harness.Mutate(args[1], TimeSpan.FromMinutes(minutes), seed, Console.Out) ? 0 : 1;
    case "libfuzzer" when args.Length == 2:
        Fuzzer.LibFuzzer.Run(span => Harness.RunExpecting(args[1], span));
        return 0;
    case "afl" when args.Length == 2:
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Harness.RunExpecting(args[1], buffer.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: RaySharp.Fuzzing seed <corpus-dir>                   write the seed corpus
                   RaySharp.Fuzzing replay <corpus-dir>                 run every input once
                   RaySharp.Fuzzing mutate <corpus-dir> <minutes> [seed]  replay, then random mutations in-process
                   RaySharp.Fuzzing libfuzzer <target>                  under libfuzzer-dotnet
                   RaySharp.Fuzzing afl <target>                        under afl-fuzz (instrument with the sharpfuzz tool first)
            targets: serializer, spill (the corpus has one folder per target)
            """);
        return 2;
}
