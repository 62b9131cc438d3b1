using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RaySharp.Analyzers.CodeFixes.Usage;
using RaySharp.Analyzers.Usage;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0101BlockingGetInAsyncCodeAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0101AwaitInsteadOfBlockingCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0101BlockingGetInAsyncCodeAnalyzerTests
{
    private const string Jobs = """

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;
        }
        """;

    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task GetsInAsyncMethod_AreFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static async Task<int> RunAsync(List<ObjectRef<int>> refs)
            {
                var r = Jobs.Remote.Square(3);
                int a = {|#0:Ray.Get(r)|} + 1;
                int b = {|RAY0101:r.Get()|}.GetHashCode();
                int[] all = {|RAY0101:Ray.Get(refs)|};
                int c = {|RAY0101:r.GetAsync().Result|};
                int d = {|RAY0101:r.GetAwaiter().GetResult()|};
                {|RAY0101:r.WaitReady()|};
                {|RAY0101:r.WhenReadyAsync().Wait()|};
                await Task.Yield();
                return a + b + all.Length + c + d;
            }
        }
        """ + Jobs,
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static async Task<int> RunAsync(List<ObjectRef<int>> refs)
            {
                var r = Jobs.Remote.Square(3);
                int a = await r + 1;
                int b = (await r).GetHashCode();
                int[] all = await Ray.GetAsync(refs);
                int c = await r.GetAsync();
                int d = await r;
                await r;
                await r.WhenReadyAsync();
                await Task.Yield();
                return a + b + all.Length + c + d;
            }
        }
        """ + Jobs,
        Verify.Diagnostic().WithLocation(0).WithArguments("Ray.Get", "RunAsync"));

    [Fact]
    public Task GetInAsyncLambda_IsFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static Func<Task<int>> Make(ObjectRef<int> r) => async () => {|#0:r.Get()|} + 1;
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static Func<Task<int>> Make(ObjectRef<int> r) => async () => await r + 1;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("ObjectRef.Get", "lambda"));

    [Fact]
    public Task AsyncActorMethodWithoutAsyncKeyword_IsFlaggedWithoutFix() => Verify.VerifyCodeFixAsync(
        """
        using System.Threading.Tasks;
        using RaySharp;

        [RayRemote]
        public partial class Counter
        {
            public Task<int> Read(ObjectRef<int> r) => Task.FromResult({|RAY0101:r.Get()|});
        }
        """,
        """
        using System.Threading.Tasks;
        using RaySharp;

        [RayRemote]
        public partial class Counter
        {
            public Task<int> Read(ObjectRef<int> r) => Task.FromResult({|RAY0101:r.Get()|});
        }
        """);

    [Fact]
    public Task WaitInAsyncMethod_BecomesAwaitWaitAsync_WithItsArguments() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;
        using static RaySharp.Ray;

        public static class Driver
        {
            public static async Task<int> RunAsync(IReadOnlyList<ObjectRef<int>> refs, List<ObjectRef> mixed)
            {
                var total = 0;
                while (refs.Count > 0)
                {
                    (var ready, refs) = {|#0:Ray.Wait(refs)|};
                    total += ready.Count;
                }

                {|RAY0101:Ray.Wait(mixed, numReturns: 2, timeout: TimeSpan.FromSeconds(1))|};
                var first = {|RAY0101:Ray.Wait<ObjectRef>(mixed, timeout: TimeSpan.Zero.Add(TimeSpan.FromSeconds(5)))|}.Ready;
                var (done, _) = {|RAY0101:Wait(mixed, 1)|};
                return total + first.Count + done.Count;
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;
        using static RaySharp.Ray;

        public static class Driver
        {
            public static async Task<int> RunAsync(IReadOnlyList<ObjectRef<int>> refs, List<ObjectRef> mixed)
            {
                var total = 0;
                while (refs.Count > 0)
                {
                    (var ready, refs) = await Ray.WaitAsync(refs);
                    total += ready.Count;
                }

                await Ray.WaitAsync(mixed, numReturns: 2, timeout: TimeSpan.FromSeconds(1));
                var first = (await Ray.WaitAsync<ObjectRef>(mixed, timeout: TimeSpan.Zero.Add(TimeSpan.FromSeconds(5)))).Ready;
                var (done, _) = await WaitAsync(mixed, 1);
                return total + first.Count + done.Count;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Ray.Wait", "RunAsync"));

    [Fact]
    public Task WaitInAsyncLambda_BecomesAwaitWaitAsync() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static Func<Task<int>> Make(List<ObjectRef<int>> refs) => async () => {|RAY0101:Ray.Wait(refs, numReturns: refs.Count)|}.Ready.Count;
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static Func<Task<int>> Make(List<ObjectRef<int>> refs) => async () => (await Ray.WaitAsync(refs, numReturns: refs.Count)).Ready.Count;
        }
        """);

    [Fact]
    public Task TimedGetAndWaitInNonAsyncActorMethod_AreFlaggedWithoutFix() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static async Task RunAsync(ObjectRef<int> r)
            {
                _ = {|RAY0101:r.Get(TimeSpan.FromSeconds(1))|};
                await Task.Yield();
            }
        }

        [RayRemote]
        public partial class Counter
        {
            public Task<int> Count(List<ObjectRef<int>> refs) => Task.FromResult({|RAY0101:Ray.Wait(refs)|}.Ready.Count);
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static async Task RunAsync(ObjectRef<int> r)
            {
                _ = {|RAY0101:r.Get(TimeSpan.FromSeconds(1))|};
                await Task.Yield();
            }
        }

        [RayRemote]
        public partial class Counter
        {
            public Task<int> Count(List<ObjectRef<int>> refs) => Task.FromResult({|RAY0101:Ray.Wait(refs)|}.Ready.Count);
        }
        """);

    [Fact]
    public Task GetsInTopLevelStatementsWithAnAwait_AreNotFlagged() => VerifyConsoleAsync(
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        // One await makes the whole program async; its gets still block only the main thread, which has no context.
        await Task.Yield();
        var r = Make();
        Console.WriteLine(r.Get() + Ray.Get(r) + Ray.Wait([r]).Ready.Count);

        static ObjectRef<int> Make() => Ray.Put(1);
        """);

    [Fact]
    public Task GetsInAsyncConsoleMain_AreNotFlaggedButInItsLambdasAndOtherMethods_Are() => VerifyConsoleAsync(
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Program
        {
            public static async Task Main()
            {
                await Task.Yield();
                var r = Make();
                Console.WriteLine(r.Get());
                Func<Task<int>> later = async () => {|RAY0101:r.Get()|};
                Console.WriteLine(await later() + await OtherAsync(r));
            }

            private static ObjectRef<int> Make() => Ray.Put(1);

            private static async Task<int> OtherAsync(ObjectRef<int> r)
            {
                await Task.Yield();
                return {|RAY0101:r.Get()|};
            }
        }
        """);

    [Fact]
    public Task NearMisses_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        [RayRemote]
        public partial class Counter
        {
            // A synchronous actor method may block: the actor runs it on its own thread.
            public int Read(ObjectRef<int> r) => r.Get();
        }

        public static class Driver
        {
            // Synchronous code may block.
            public static int Sync(ObjectRef<int> r) => r.Get();

            public static async Task<int> RunAsync(ObjectRef<int> r)
            {
                // A synchronous lambda inside async code runs elsewhere (here on the thread pool via Task.Run).
                int a = await Task.Run(() => r.Get());

                // A zero timeout only polls and never blocks.
                int b = r.IsReady ? r.Get(TimeSpan.Zero) : 0;

                // .Result on a task that no ref gave is not RaySharp's concern.
                int c = Task.FromResult(1).Result;

                // A ref ready by construction never blocks.
                int d = Ray.Put(4).Get();
                await foreach (var done in Ray.AsCompleted(new[] { r }))
                {
                    d += done.Get();
                }

                return a + b + c + d;
            }
        }
        """);

    /// <summary>The analyzer over a console program (an entry point exists only there).</summary>
    private static Task VerifyConsoleAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
