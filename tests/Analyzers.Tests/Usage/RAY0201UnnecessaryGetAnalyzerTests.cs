using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0201UnnecessaryGetAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0201UnnecessaryGetCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0201UnnecessaryGetAnalyzerTests
{
    private const string Declarations = """

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;

            [RayRemote]
            public static int Add(int a, int b) => a + b;

            [RayRemote]
            public static int Sum(System.Collections.Generic.IReadOnlyList<int> values) => values.Count;
        }
        """;

    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task GetsPassedStraightOn_AreFlaggedAndReplacedByTheRef() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static async Task<int> Run(ObjectRef<int> r)
            {
                var a = Jobs.Remote.Square({|#0:Ray.Get(r)|});
                var b = Jobs.Remote.Add({|#1:a.Get(TimeSpan.FromSeconds(5))|}, 2);
                var c = Jobs.Remote.Square({|#2:await b|});
                return await c;
            }
        }
        """ + Declarations,
        """
        using System;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static async Task<int> Run(ObjectRef<int> r)
            {
                var a = Jobs.Remote.Square(r);
                var b = Jobs.Remote.Add(a, 2);
                var c = Jobs.Remote.Square(b);
                return await c;
            }
        }
        """ + Declarations,
        Verify.Diagnostic().WithLocation(0).WithArguments("r", "Jobs.Remote.Square"),
        Verify.Diagnostic().WithLocation(1).WithArguments("a", "Jobs.Remote.Add"),
        Verify.Diagnostic().WithLocation(2).WithArguments("b", "Jobs.Remote.Square"));

    [Fact]
    public Task ValueInALocalReadOnce_IsInlined() => Verify.VerifyCodeFixAsync(
        """
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r)
            {
                int value = {|#0:r.Get()|};
                var next = Jobs.Remote.Square(value);
                return Ray.Get(next) + 1;
            }
        }
        """ + Declarations,
        """
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r)
            {
                var next = Jobs.Remote.Square(r);
                return Ray.Get(next) + 1;
            }
        }
        """ + Declarations,
        Verify.Diagnostic().WithLocation(0).WithArguments("r", "Jobs.Remote.Square"));

    [Fact]
    public Task ValueOfACallInALocal_KeepsTheLocalHoldingTheRef() => Verify.VerifyCodeFixAsync(
        """
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static int Run()
            {
                int value = {|#0:Ray.Get(Jobs.Remote.Square(3))|};
                Log();
                return Ray.Get(Jobs.Remote.Square(value));
            }

            private static void Log() { }
        }
        """ + Declarations,
        """
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static int Run()
            {
                var value = Jobs.Remote.Square(3);
                Log();
                return Ray.Get(Jobs.Remote.Square(value));
            }

            private static void Log() { }
        }
        """ + Declarations,
        Verify.Diagnostic().WithLocation(0).WithArguments("Jobs.Remote.Square(3)", "Jobs.Remote.Square"));

    [Fact]
    public Task ValuesUsedElsewhereOrTransformed_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r, List<ObjectRef<int>> refs)
            {
                var twice = r.Get();                              // read twice: the value is needed here
                var a = Jobs.Remote.Add(twice, twice);
                var b = Jobs.Remote.Square(Ray.Get(r) + 1);       // transformed before passing
                var c = Jobs.Remote.Sum(Ray.Get(refs));           // a list of refs is not one ref
                var local = Jobs.Square(Ray.Get(r));              // a local call, not a remote one
                var value = Ray.Get(r);
                System.Console.WriteLine(value);                  // used, not passed to a remote call
                return local + Ray.Get(a) + Ray.Get(b) + Ray.Get(c);
            }
        }
        """ + Declarations);
}
