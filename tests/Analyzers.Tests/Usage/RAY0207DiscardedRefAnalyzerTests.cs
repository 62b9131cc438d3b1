using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0207DiscardedRefAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0207DiscardedRefCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0207DiscardedRefAnalyzerTests
{
    private const string Declarations = """

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;
        }

        [RayRemote]
        public partial class Counter
        {
            private int _total;

            public void Add(int x) => _total += x;
        }
        """;

    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task NoRaySharpCalls_NoDiagnostic() => Verify.VerifyAnalyzerAsync(
        """
        public static class Plain
        {
            public static int Square(int x) => x * x;

            public static void Run() => Square(3);
        }
        """);

    [Fact]
    public Task DroppedRefs_AreFlaggedAndDiscarded() => Verify.VerifyCodeFixAsync(
        """
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static void Run(Counter.Handle counter)
            {
                {|#0:Jobs.Remote.Square(3)|};
                // the actor call, too
                {|#1:counter.Add(1)|};
            }
        }
        """ + Declarations,
        """
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static void Run(Counter.Handle counter)
            {
                _ = Jobs.Remote.Square(3);
                // the actor call, too
                _ = counter.Add(1);
            }
        }
        """ + Declarations,
        Verify.Diagnostic().WithLocation(0).WithArguments("Jobs.Remote.Square"),
        Verify.Diagnostic().WithLocation(1).WithArguments("counter.Add"));

    [Fact]
    public Task KeptAwaitedPassedOrDiscardedRefs_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static async Task<int> Run(Counter.Handle counter, List<ObjectRef<int>> refs)
            {
                var kept = Jobs.Remote.Square(1);
                refs.Add(Jobs.Remote.Square(2));
                _ = counter.Add(1);
                await counter.Add(2);
                Ray.Get(Jobs.Remote.Square(4));
                Jobs.Square(5);
                var handle = Counter.Remote.New();
                return await kept + await Jobs.Remote.Square(3);
            }
        }
        """ + Declarations);
}
