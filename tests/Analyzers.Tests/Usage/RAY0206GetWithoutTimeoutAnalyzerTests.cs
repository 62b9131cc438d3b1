using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0206GetWithoutTimeoutAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0206AddTimeoutCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0206GetWithoutTimeoutAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task GetsWithoutTimeout_AreFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r, List<ObjectRef<int>> refs)
            {
                var a = {|#0:r.Get()|};
                var b = {|RAY0206:Ray.Get(r, null)|};
                var all = {|RAY0206:Ray.Get(refs)|};
                var (ready, _) = {|RAY0206:Ray.Wait(refs, 2)|};
                {|RAY0206:r.WaitReady()|};
                return a + b + all.Length + ready.Count;
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r, List<ObjectRef<int>> refs)
            {
                var a = r.Get(timeout: TimeSpan.FromSeconds(30));
                var b = Ray.Get(r, TimeSpan.FromSeconds(30));
                var all = Ray.Get(refs, timeout: TimeSpan.FromSeconds(30));
                var (ready, _) = Ray.Wait(refs, 2, timeout: TimeSpan.FromSeconds(30));
                r.WaitReady(timeout: TimeSpan.FromSeconds(30));
                return a + b + all.Length + ready.Count;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("ObjectRef.Get"));

    [Fact]
    public Task NearMisses_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r)
            {
                // A timeout is given.
                var a = r.Get(TimeSpan.FromSeconds(5));
                var b = Ray.Get(r, timeout: TimeSpan.Zero);

                // .Result has no timeout to add; other rules cover it.
                var c = r.GetAsync().Result;

                // Ready refs never block: Ray.Put, and the ready refs of Ray.Wait.
                var put = Ray.Put(2);
                var d = put.Get() + Ray.Put(3).Get();
                var (ready, _) = Ray.Wait(new[] { r }, timeout: TimeSpan.FromSeconds(1));
                foreach (var done in ready)
                {
                    d += done.Get();
                }

                return a + b + c + d;
            }

            // Async code is RAY0101's: await has no timeout parameter to add.
            public static async Task<int> RunAsync(ObjectRef<int> r)
            {
                await Task.Yield();
                return r.Get();
            }
        }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class FactAttribute : Attribute
        {
        }

        public class DriverTests
        {
            // A test method: a hang fails the test run, which has its own timeout.
            [Fact]
            public void Reads() => Ray.Put(1).Get();
        }
        """);

    [Fact]
    public async Task ProjectReferencingATestFramework_IsNotAnalyzed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RaySharp;

                public static class Helpers
                {
                    public static int Read(ObjectRef<int> r) => r.Get();
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }
}
