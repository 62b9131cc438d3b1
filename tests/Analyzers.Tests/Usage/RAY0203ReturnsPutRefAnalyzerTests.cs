using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0203ReturnsPutRefAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0203ReturnsPutRefCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0203ReturnsPutRefAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task SingleRefsFromPut_AreFlaggedAndReturnTheValue() => Verify.VerifyCodeFixAsync(
        """
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static ObjectRef<int[]> Squares(int n)
            {
                if (n == 0)
                {
                    return {|#0:Ray.Put(new int[0])|};
                }

                return {|#1:Ray.Put(new int[n])|};
            }

            [RayRemote]
            public static async Task<ObjectRef<string>> Name(int id)
            {
                await Task.Yield();
                return {|#2:Ray.Put(id.ToString())|};
            }
        }

        [RayRemote]
        public partial class Store
        {
            public RaySharp.ObjectRef<long> Total() => {|#3:Ray.Put(42L)|};
        }
        """,
        """
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static int[] Squares(int n)
            {
                if (n == 0)
                {
                    return new int[0];
                }

                return new int[n];
            }

            [RayRemote]
            public static async Task<string> Name(int id)
            {
                await Task.Yield();
                return id.ToString();
            }
        }

        [RayRemote]
        public partial class Store
        {
            public long Total() => 42L;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Jobs.Squares", "a ref", "return the value itself"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Jobs.Squares", "a ref", "return the value itself"),
        Verify.Diagnostic().WithLocation(2).WithArguments("Jobs.Name", "a ref", "return the value itself"),
        Verify.Diagnostic().WithLocation(3).WithArguments("Store.Total", "a ref", "return the value itself"));

    [Fact]
    public Task TuplesAndCollectionsOfPutRefs_AreFlaggedWithoutAFix() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Linq;
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static (ObjectRef<int>, ObjectRef<int>) Pair(int x) => {|#0:(Ray.Put(x), Ray.Put(-x))|};

            [RayRemote]
            public static List<ObjectRef<int>> Many(int n) => {|#1:Enumerable.Range(0, n).Select(i => Ray.Put(i)).ToList()|};

            [RayRemote]
            public static ObjectRef<int> ViaLocal(int x)
            {
                var stored = Ray.Put(x);
                return {|#2:stored|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Jobs.Pair", "refs", "return the 2 values as a tuple and set NumReturns = 2 in [RayRemote], so the caller gets one ref per value"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Jobs.Many", "a collection of refs", "return the values as IEnumerable<T> with yield return, so each one becomes its own ref as soon as it is produced"),
        Verify.Diagnostic().WithLocation(2).WithArguments("Jobs.ViaLocal", "a ref", "return the value itself"));

    [Fact]
    public Task RefsFromRemoteCallsOrInDriverCode_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;

            // A ref of other work: passing it on is how nested tasks hand over results.
            [RayRemote]
            public static ObjectRef<int> Later(int x) => Jobs.Remote.Square(x);

            [RayRemote]
            public static List<ObjectRef<int>> Fan(int n) => Enumerable.Range(0, n).Select(i => Jobs.Remote.Square(i)).ToList();

            // Not remote: driver code may put values and hand out refs.
            public static ObjectRef<int[]> Load() => Ray.Put(new int[10]);

            [RayRemote]
            public static int Inner(int x)
            {
                Func<ObjectRef<int>> make = () => Ray.Put(x);
                return x;
            }
        }
        """);
}
