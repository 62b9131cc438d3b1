using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0204MutableStaticStateAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0204MutableStaticStateAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task MutableStaticsInTasksAndActors_AreFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Linq;
        using RaySharp;

        namespace App;

        public static class Globals
        {
            public static int Calls;
            public static string Mode { get; set; } = "fast";
            public static readonly List<int> Seen = new();
            public static readonly int[] Slots = new int[4];
        }

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x)
            {
                {|#0:Globals.Calls|}++;
                Enumerable.Range(0, x).ToList().ForEach(i => {|#1:Globals.Seen|}.Add(i));
                {|#2:Globals.Slots|}[x % 4] = x;
                return {|#3:Globals.Mode|}.Length * x;
            }
        }

        [RayRemote]
        public partial class Counter
        {
            private static int s_instances;

            public int Add(int x) => {|#4:s_instances|} + x;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Calls", "writes"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Seen", "changes"),
        Verify.Diagnostic().WithLocation(2).WithArguments("Slots", "changes"),
        Verify.Diagnostic().WithLocation(3).WithArguments("Mode", "reads"),
        Verify.Diagnostic().WithLocation(4).WithArguments("s_instances", "reads"));

    [Fact]
    public Task ConstantsReadOnlyDataAndNonRemoteCode_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Immutable;
        using RaySharp;

        namespace App;

        public static class Settings
        {
            public const int Limit = 10;
            public static readonly string[] Words = ["a", "b"];
            public static readonly ImmutableArray<int> Primes = [2, 3, 5];
            public static readonly ConcurrentDictionary<int, int> Cache = new();
            public static int Calls;
            public static int Computed => Limit * 2;
        }

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x)
            {
                var word = Settings.Words[x % 2];              // reading a readonly lookup table
                Settings.Cache.TryAdd(x, x);                   // a concurrent collection
                Console.WriteLine(Environment.ProcessorCount); // the BCL's statics
                var options = RayRuntime.Current.Options;      // Ray's own API
                return Settings.Limit + Settings.Primes[0] + Settings.Computed + word.Length + nameof(Settings.Calls).Length;
            }

            public static int NotRemote() => ++Settings.Calls;  // driver code may keep statics
        }
        """);
}
