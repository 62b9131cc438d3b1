using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace RaySharp.Fuzzing;

/// <summary>
/// Ends the process when one input runs past <see cref="Harness.HangLimit"/>, saving it first: a real hang never
/// returns to the loop that would report it.
/// </summary>
internal static class Watchdog
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static Running? s_current;
    private static Thread? s_thread;

    public static void Enter(string target, byte[] input)
    {
        Volatile.Write(ref s_current, new Running(target, input, Clock.Elapsed));
        if (s_thread is null)
        {
            s_thread = new Thread(Watch) { IsBackground = true, Name = "fuzz watchdog" };
            s_thread.Start();
        }
    }

    public static void Leave() => Volatile.Write(ref s_current, null);

    private static void Watch()
    {
        while (true)
        {
            Thread.Sleep(1000); // a poll interval
            if (Volatile.Read(ref s_current) is { } running && Clock.Elapsed - running.Started > Harness.HangLimit)
            {
                var file = Path.GetFullPath($"hang-{running.Target}.bin");
                File.WriteAllBytes(file, running.Input);
                Console.Error.WriteLine($"FINDING in {running.Target}: an input ran past {Harness.HangLimit.TotalSeconds} s (hang); saved to {file}");
                Environment.Exit(3);
            }
        }
    }

    private sealed record Running(string Target, byte[] Input, TimeSpan Started);
}
