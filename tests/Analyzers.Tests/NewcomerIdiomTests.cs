using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RaySharp.Analyzers.Tests;

/// <summary>
/// What newcomers write first, compiled with the generator, every analyzer and the suppressor, as in a real build:
/// the wait loops over a List or an array, Ray's limit-pending-tasks loop, a top-level program that awaits once, and
/// a ref dropped on purpose in async code. Each must compile with no error and no warning of ours or the compiler's.
/// </summary>
public class NewcomerIdiomTests
{
    private const string Declarations = """

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;
        }

        [RayRemote]
        public partial class Tracker
        {
            private int _count;

            public int Increment(int by) => _count += by;
        }
        """;

    [Fact]
    public async Task WaitLoops_OverAListAnArrayAndTheLimitPendingTasksLoop_Compile()
    {
        var diagnostics = await RunAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using RaySharp;

            public static class Driver
            {
                public static int List(int[] ids)
                {
                    var refs = ids.Select(i => Jobs.Remote.Square(i)).ToList();
                    var sum = 0;
                    while (refs.Count > 0)
                    {
                        (var ready, refs) = Ray.Wait(refs, timeout: TimeSpan.FromSeconds(5));
                        sum += ready.Sum(r => r.Get(TimeSpan.Zero));
                    }

                    return sum;
                }

                public static int Array(int[] ids)
                {
                    var refs = ids.Select(i => Jobs.Remote.Square(i)).ToArray();
                    var sum = 0;
                    while (refs.Length > 0)
                    {
                        (var ready, refs) = Ray.Wait(refs, timeout: TimeSpan.FromSeconds(5));
                        sum += ready.Sum(r => r.Get(TimeSpan.Zero));
                    }

                    return sum;
                }

                public static async Task<int> ListAsync(int[] ids)
                {
                    var refs = ids.Select(i => Jobs.Remote.Square(i)).ToList();
                    var sum = 0;
                    while (refs.Count > 0)
                    {
                        (var ready, refs) = await Ray.WaitAsync(refs);
                        sum += await ready[0];
                    }

                    return sum;
                }

                public static void LimitPendingTasks(Tracker.Handle tracker)
                {
                    var refs = new List<ObjectRef<int>>();
                    for (var i = 0; i < 1000; i++)
                    {
                        if (refs.Count > 100)
                        {
                            (var ready, refs) = Ray.Wait(refs, numReturns: 1, timeout: TimeSpan.FromSeconds(30));
                            Ray.Get(ready, TimeSpan.FromSeconds(30));
                        }

                        refs.Add(tracker.Increment(1));
                    }

                    Ray.Get(refs, TimeSpan.FromSeconds(30));
                }
            }
            """);

        AssertClean(diagnostics);
    }

    [Fact]
    public async Task TopLevelProgramThatAwaitsOnce_KeepsItsGetsUnflagged()
    {
        var diagnostics = await RunAsync(
            """
            using System;
            using System.Threading.Tasks;
            using RaySharp;

            using var ray = Ray.Init();
            var first = await Jobs.Remote.Square(2);
            var second = Jobs.Remote.Square(3).Get(TimeSpan.FromSeconds(5));
            Console.WriteLine(first + second);
            """,
            OutputKind.ConsoleApplication);

        AssertClean(diagnostics);
    }

    [Fact]
    public async Task RefDroppedInAsyncCode_HasCS4014Suppressed_AndLeavesTheAdviceToRAY0207()
    {
        var diagnostics = await RunAsync(
            """
            using System.Threading.Tasks;
            using RaySharp;

            public static class Driver
            {
                public static async Task CountAsync(Tracker.Handle tracker)
                {
                    tracker.Increment(3);
                    Jobs.Remote.Square(2);
                    Ray.Put(1);
                    await Task.Yield();
                    Other();
                }

                private static Task Other() => Task.CompletedTask;
            }
            """);

        var missingAwaits = diagnostics.Where(d => d.Id == "CS4014").ToList();
        Assert.Equal(4, missingAwaits.Count);
        Assert.Equal(3, missingAwaits.Count(d => d.IsSuppressed)); // RAY0209 is the only suppressor, and the source has no #pragma
        var other = Assert.Single(missingAwaits, d => !d.IsSuppressed);
        Assert.Contains("Other()", other.Location.SourceTree!.ToString().Substring(other.Location.SourceSpan.Start, other.Location.SourceSpan.Length), StringComparison.Ordinal);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "RAY0207"));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        (await GeneratorAndAnalyzerTests.RunAsync(source + Declarations, outputKind)).Diagnostics;

    private static void AssertClean(ImmutableArray<Diagnostic> diagnostics)
    {
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
