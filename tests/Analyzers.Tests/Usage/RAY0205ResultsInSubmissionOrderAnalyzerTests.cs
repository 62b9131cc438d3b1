using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0205ResultsInSubmissionOrderAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0205IterateAsCompletedCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0205ResultsInSubmissionOrderAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task ProcessingInSubmissionOrder_IsFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static void Run(List<ObjectRef<int>> refs, ObjectRef<string>[] names)
            {
                foreach (var r in {|#0:refs|})
                {
                    Console.WriteLine(Ray.Get(r));
                }

                foreach (ObjectRef<string> n in {|RAY0205:names|})
                {
                    var name = n.Get();
                    Console.WriteLine(name.ToUpperInvariant());
                }
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static void Run(List<ObjectRef<int>> refs, ObjectRef<string>[] names)
            {
                foreach (var r in Ray.AsCompleted(refs))
                {
                    Console.WriteLine(Ray.Get(r));
                }

                foreach (ObjectRef<string> n in Ray.AsCompleted(names))
                {
                    var name = n.Get();
                    Console.WriteLine(name.ToUpperInvariant());
                }
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("refs"));

    [Fact]
    public Task NearMisses_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Run(List<ObjectRef<int>> refs)
            {
                // Already in completion order.
                foreach (var r in Ray.AsCompleted(refs))
                {
                    Console.WriteLine(r.Get());
                }

                // Ready refs from Ray.Wait: no get blocks.
                var (ready, _) = Ray.Wait(refs, numReturns: refs.Count);
                foreach (var r in ready)
                {
                    Console.WriteLine(r.Get());
                }

                // Only accumulating: nothing to start earlier.
                var sum = 0;
                foreach (var r in refs)
                {
                    sum += r.Get();
                }

                // No get on the loop variable.
                foreach (var r in refs)
                {
                    Console.WriteLine(r.Id);
                }

                // Other loops: for, while and do (the rule registers for every loop kind and must skip them).
                for (var i = 0; i < refs.Count; i++)
                {
                    Console.WriteLine(refs[i].Get());
                }

                var n = 0;
                while (n < refs.Count)
                {
                    Console.WriteLine(refs[n++].Get());
                }

                do
                {
                    n--;
                }
                while (n > 0);

                return sum;
            }
        }
        """);
}
