using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0103GetInSubmitLoopAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0103HoistGetsCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0103GetInSubmitLoopAnalyzerTests
{
    private const string Jobs = """

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;

            [RayRemote]
            public static string Name(int x) => "n" + x;
        }
        """;

    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task GetInSubmitLoop_IsFlaggedAndHoisted() => Verify.VerifyCodeFixAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Sum(int n)
            {
                var sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += {|#0:Ray.Get(Jobs.Remote.Square(i))|};
                }

                return sum;
            }

            public static List<string> Names(int[] ids)
            {
                var names = new List<string>();
                foreach (var id in ids)
                {
                    var r = Jobs.Remote.Name(id);
                    names.Add({|RAY0103:r.Get()|});
                }

                return names;
            }
        }
        """ + Jobs,
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Sum(int n)
            {
                var sum = 0;
                var squareRefs = new List<ObjectRef<int>>();
                for (var i = 0; i < n; i++)
                {
                    squareRefs.Add(Jobs.Remote.Square(i));
                }
                foreach (var value in Ray.Get(squareRefs))
                {
                    sum += value;
                }

                return sum;
            }

            public static List<string> Names(int[] ids)
            {
                var names = new List<string>();
                var nameRefs = new List<ObjectRef<string>>();
                foreach (var id in ids)
                {
                    var r = Jobs.Remote.Name(id);
                    nameRefs.Add(r);
                }
                foreach (var value in Ray.Get(nameRefs))
                {
                    names.Add(value);
                }

                return names;
            }
        }
        """ + Jobs,
        Verify.Diagnostic().WithLocation(0).WithArguments("Ray.Get"));

    [Fact]
    public Task GetWithTimeoutInTopLevelStatements_IsHoistedKeepingTheTimeout()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using RaySharp;

                var sum = 0;
                for (var i = 0; i < 3; i++)
                {
                    sum += {|RAY0103:Ray.Get(Jobs.Remote.Square(i), TimeSpan.FromSeconds(5))|};
                }

                var names = new List<string>();
                foreach (var id in new[] { 1, 2 })
                {
                    names.Add({|RAY0103:Jobs.Remote.Name(id).Get(timeout: TimeSpan.FromSeconds(1))|});
                }

                Console.WriteLine(sum + names.Count);
                """ + Jobs,
            FixedCode = """
                using System;
                using System.Collections.Generic;
                using RaySharp;

                var sum = 0;
                var squareRefs = new List<ObjectRef<int>>();
                for (var i = 0; i < 3; i++)
                {
                    squareRefs.Add(Jobs.Remote.Square(i));
                }
                foreach (var value in Ray.Get(squareRefs, TimeSpan.FromSeconds(5)))
                {
                    sum += value;
                }

                var names = new List<string>();
                var nameRefs = new List<ObjectRef<string>>();
                foreach (var id in new[] { 1, 2 })
                {
                    nameRefs.Add(Jobs.Remote.Name(id));
                }
                foreach (var value2 in Ray.Get(nameRefs, timeout: TimeSpan.FromSeconds(1)))
                {
                    names.Add(value2);
                }

                Console.WriteLine(sum + names.Count);
                """ + Jobs,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task TwoLoopsInOneMethod_GetDistinctNames() => Verify.VerifyCodeFixAsync(
        """
        using RaySharp;

        public static class Driver
        {
            public static int Sum(int n)
            {
                var sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += {|RAY0103:Jobs.Remote.Square(i).Get()|};
                }

                for (var i = 0; i < n; i++)
                {
                    sum -= {|RAY0103:Jobs.Remote.Square(i).Get()|};
                }

                return sum;
            }
        }
        """ + Jobs,
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Sum(int n)
            {
                var sum = 0;
                var squareRefs = new List<ObjectRef<int>>();
                for (var i = 0; i < n; i++)
                {
                    squareRefs.Add(Jobs.Remote.Square(i));
                }
                foreach (var value in Ray.Get(squareRefs))
                {
                    sum += value;
                }

                var squareRefs2 = new List<ObjectRef<int>>();
                for (var i = 0; i < n; i++)
                {
                    squareRefs2.Add(Jobs.Remote.Square(i));
                }
                foreach (var value2 in Ray.Get(squareRefs2))
                {
                    sum -= value2;
                }

                return sum;
            }
        }
        """ + Jobs);

    [Fact]
    public Task ValueUsedOtherwise_IsFlaggedWithoutFix() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using RaySharp;

        public static class Driver
        {
            public static void Print(int n)
            {
                for (var i = 0; i < n; i++)
                {
                    var square = Jobs.Remote.Square(i);
                    if ({|RAY0103:square.Get()|} > 10)
                    {
                        Console.WriteLine(i);
                    }
                }
            }
        }
        """ + Jobs,
        """
        using System;
        using RaySharp;

        public static class Driver
        {
            public static void Print(int n)
            {
                for (var i = 0; i < n; i++)
                {
                    var square = Jobs.Remote.Square(i);
                    if ({|RAY0103:square.Get()|} > 10)
                    {
                        Console.WriteLine(i);
                    }
                }
            }
        }
        """ + Jobs);

    [Fact]
    public Task NearMisses_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Run(int n)
            {
                // All refs submitted before the loop: the tasks already run in parallel.
                var refs = new List<ObjectRef<int>>();
                for (var i = 0; i < n; i++)
                {
                    refs.Add(Jobs.Remote.Square(i));
                }

                var sum = 0;
                foreach (var r in refs)
                {
                    sum += r.Get();
                }

                // Ready by construction: Ray.Put, and the ready refs of Ray.Wait.
                for (var i = 0; i < n; i++)
                {
                    var put = Ray.Put(i);
                    sum += put.Get();
                }

                IReadOnlyList<ObjectRef<int>> pending = refs;
                while (pending.Count > 0)
                {
                    (var ready, pending) = Ray.Wait(pending, timeout: System.TimeSpan.FromSeconds(5));
                    foreach (var done in ready)
                    {
                        sum += done.Get();
                    }
                }

                // A chain: each call needs the previous result, so nothing can run in parallel.
                var x = 1;
                for (var i = 0; i < n; i++)
                {
                    x = Ray.Get(Jobs.Remote.Square(x));
                }

                // A phase loop: each pass already waits for its whole batch, then reads the result of one more call.
                for (var run = 0; run < 2; run++)
                {
                    Ray.Get(refs.ConvertAll(r => Jobs.Remote.Square(run)));
                    sum += Jobs.Remote.Square(run).Get();
                }

                return sum + x;
            }
        }
        """ + Jobs);
}
