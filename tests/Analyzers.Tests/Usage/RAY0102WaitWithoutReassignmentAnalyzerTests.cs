using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0102WaitWithoutReassignmentAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0102ReassignNotReadyCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0102WaitWithoutReassignmentAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task WaitWithoutReassignment_IsFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static void Discarded(IReadOnlyList<ObjectRef<int>> refs, int rounds)
            {
                for (var i = 0; i < rounds; i++)
                {
                    var (ready, _) = {|#0:Ray.Wait(refs, numReturns: 1)|};
                    Console.WriteLine(ready[0].Get());
                }
            }

            public static void Named(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    var (ready, rest) = {|RAY0102:Ray.Wait(pending)|};
                    Console.WriteLine(ready.Count + rest.Count);
                }
            }

            public static void Whole(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    var result = {|RAY0102:Ray.Wait(pending)|};
                    Console.WriteLine(result.Ready.Count);
                }
            }

            public static void Ignored(IReadOnlyList<ObjectRef<int>> pending)
            {
                do
                {
                    {|RAY0102:Ray.Wait(pending)|};
                }
                while (pending.Count > 0);
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static void Discarded(IReadOnlyList<ObjectRef<int>> refs, int rounds)
            {
                for (var i = 0; i < rounds; i++)
                {
                    (var ready, refs) = Ray.Wait(refs, numReturns: 1);
                    Console.WriteLine(ready[0].Get());
                }
            }

            public static void Named(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    var (ready, rest) = Ray.Wait(pending);
                    pending = rest;
                    Console.WriteLine(ready.Count + rest.Count);
                }
            }

            public static void Whole(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    var result = Ray.Wait(pending);
                    pending = result.NotReady;
                    Console.WriteLine(result.Ready.Count);
                }
            }

            public static void Ignored(IReadOnlyList<ObjectRef<int>> pending)
            {
                do
                {
                    (_, pending) = Ray.Wait(pending);
                }
                while (pending.Count > 0);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("refs"));

    [Fact]
    public Task AwaitedWaitAsyncWithoutReassignment_IsFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static async Task Discarded(IReadOnlyList<ObjectRef<int>> refs, int rounds)
            {
                for (var i = 0; i < rounds; i++)
                {
                    var (ready, _) = await {|#0:Ray.WaitAsync(refs, numReturns: 1)|};
                    Console.WriteLine(await ready[0]);
                }
            }

            public static async Task Whole(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    var result = await {|RAY0102:Ray.WaitAsync(pending, timeout: TimeSpan.FromSeconds(5))|};
                    Console.WriteLine(result.Ready.Count);
                }
            }

            public static async Task Ignored(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    await {|RAY0102:Ray.WaitAsync(pending)|};
                }
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static async Task Discarded(IReadOnlyList<ObjectRef<int>> refs, int rounds)
            {
                for (var i = 0; i < rounds; i++)
                {
                    (var ready, refs) = await Ray.WaitAsync(refs, numReturns: 1);
                    Console.WriteLine(await ready[0]);
                }
            }

            public static async Task Whole(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    var result = await Ray.WaitAsync(pending, timeout: TimeSpan.FromSeconds(5));
                    pending = result.NotReady;
                    Console.WriteLine(result.Ready.Count);
                }
            }

            public static async Task Ignored(IReadOnlyList<ObjectRef<int>> pending)
            {
                while (pending.Count > 0)
                {
                    (_, pending) = await Ray.WaitAsync(pending);
                }
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("refs"));

    [Fact]
    public Task ListAndArrayVariables_AreFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static void List(List<ObjectRef<int>> refs)
            {
                while (true)
                {
                    var (ready, _) = {|#0:Ray.Wait(refs)|};
                    if (ready.Count > 0)
                    {
                        return;
                    }
                }
            }

            public static void Array(ObjectRef<int>[] refs)
            {
                while (true)
                {
                    var (ready, _) = {|#1:Ray.Wait(refs)|};
                    if (ready.Count > 0)
                    {
                        return;
                    }
                }
            }
        }
        """,
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static void List(List<ObjectRef<int>> refs)
            {
                while (true)
                {
                    (var ready, refs) = Ray.Wait(refs);
                    if (ready.Count > 0)
                    {
                        return;
                    }
                }
            }

            public static void Array(ObjectRef<int>[] refs)
            {
                while (true)
                {
                    (var ready, refs) = Ray.Wait(refs);
                    if (ready.Count > 0)
                    {
                        return;
                    }
                }
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("refs"),
        Verify.Diagnostic().WithLocation(1).WithArguments("refs"));

    [Fact]
    public Task NearMisses_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static void Run(IReadOnlyList<ObjectRef<int>> pending, List<ObjectRef<int>> list)
            {
                // Outside a loop: one Wait, nothing spins.
                var (first, rest) = Ray.Wait(pending);
                Console.WriteLine(first.Count + rest.Count);

                // The reassignment the rule asks for.
                while (pending.Count > 0)
                {
                    (var ready, pending) = Ray.Wait(pending, numReturns: 1, timeout: TimeSpan.FromSeconds(5));
                    Console.WriteLine(ready.Count);
                }

                // The list shrinks another way.
                while (list.Count > 0)
                {
                    var (ready, _) = Ray.Wait(list);
                    list.Remove(ready[0]);
                }

                // Polling until all are ready: numReturns is the whole list.
                while (true)
                {
                    var (ready, _) = Ray.Wait(list, numReturns: list.Count, timeout: TimeSpan.FromSeconds(1));
                    if (ready.Count == list.Count)
                    {
                        break;
                    }
                }

                // The async form, reassigned.
                async Task DrainAsync()
                {
                    while (pending.Count > 0)
                    {
                        (var ready, pending) = await Ray.WaitAsync(pending);
                        Console.WriteLine(ready.Count);
                    }
                }

                DrainAsync().Wait();

                // A fresh list on every pass.
                for (var i = 0; i < 3; i++)
                {
                    var round = new List<ObjectRef<int>> { Ray.Put(i) };
                    Ray.Wait(round);
                }
            }
        }
        """);
}
