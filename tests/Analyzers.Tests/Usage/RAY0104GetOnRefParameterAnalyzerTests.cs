using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0104GetOnRefParameterAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0104TakeValueParameterCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0104GetOnRefParameterAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task GetsOnRefParameters_AreFlaggedAndFixed() => Verify.VerifyCodeFixAsync(
        """
        using RaySharp;

        public static partial class Jobs
        {
            [RayRemote]
            public static int Twice(ObjectRef<int> r) => {|#0:r.Get()|} * 2;

            [RayRemote]
            public static string Sum(ObjectRef<string[]> names, int b)
            {
                var first = {|RAY0104:Ray.Get(names)|}[0];
                return first + {|RAY0104:names.Get()|}.Length + b;
            }
        }

        [RayRemote]
        public partial class Accumulator
        {
            private long _total;

            public long Add(ObjectRef<long> amount) => _total += {|RAY0104:amount.GetAwaiter().GetResult()|};
        }
        """,
        """
        using RaySharp;

        public static partial class Jobs
        {
            [RayRemote]
            public static int Twice(int r) => r * 2;

            [RayRemote]
            public static string Sum(string[] names, int b)
            {
                var first = names[0];
                return first + names.Length + b;
            }
        }

        [RayRemote]
        public partial class Accumulator
        {
            private long _total;

            public long Add(long amount) => _total += amount;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Jobs.Twice", "r", "int"));

    [Fact]
    public Task ParameterUsedAsARefToo_IsFlaggedWithoutFix() => Verify.VerifyCodeFixAsync(
        """
        using RaySharp;

        public static partial class Jobs
        {
            [RayRemote]
            public static int Peek(ObjectRef<int> r) => r.IsReady ? {|RAY0104:r.Get()|} : -1;
        }
        """,
        """
        using RaySharp;

        public static partial class Jobs
        {
            [RayRemote]
            public static int Peek(ObjectRef<int> r) => r.IsReady ? {|RAY0104:r.Get()|} : -1;
        }
        """);

    [Fact]
    public Task NearMisses_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        public static partial class Jobs
        {
            // Refs nested in a collection are not resolved: getting them inside the task is the only way.
            [RayRemote]
            public static int First(List<ObjectRef<int>> refs) => refs[0].Get();

            // A ref passed on without a get is fine.
            [RayRemote]
            public static ObjectRef<int> Forward(ObjectRef<int> r) => r;

            // A zero timeout only polls.
            [RayRemote]
            public static int Poll(ObjectRef<int> r) => r.IsReady ? r.Get(TimeSpan.Zero) : 0;

            // Not remote code: an ordinary method may take and read a ref.
            public static int Local(ObjectRef<int> r) => r.Get();

            // A ref the task made itself is not a parameter.
            [RayRemote]
            public static int Own() => Ray.Put(3).Get();
        }
        """);
}
