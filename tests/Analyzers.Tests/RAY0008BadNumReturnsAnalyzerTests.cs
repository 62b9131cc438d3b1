using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0008BadNumReturnsAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.BadNumReturns);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        namespace App;

        public static partial class Split
        {
            public static int NotATuple() => 1;
        }
        """);

    [Fact]
    public Task NumReturnsWithoutMatchingTuple_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Split
        {
            [RayRemote(NumReturns = 2)]
            public static int {|#0:NotATuple|}() => 1;

            [RayRemote(NumReturns = 3)]
            public static (int, int) {|#1:TooFew|}() => (1, 2);

            [RayRemote(NumReturns = 2)]
            public static Task {|#2:NoResult|}() => Task.CompletedTask;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Split.NotATuple", "2"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Split.TooFew", "3"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("Split.NoResult", "2"));

    [Fact]
    public Task NumReturnsOutOfRangeOrOnAStream_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public static partial class Split
        {
            [RayRemote(NumReturns = 0)]
            public static int {|#0:Zero|}() => 1;

            [RayRemote(NumReturns = 4)]
            public static (int, int, int, int) {|#1:Four|}() => (1, 2, 3, 4);

            [RayRemote(NumReturns = 2)]
            public static IEnumerable<(int, int)> {|#2:Stream|}()
            {
                yield return (1, 2);
            }
        }

        [RayRemote]
        public partial class Splitter
        {
            [RayRemote(NumReturns = 2)]
            public string {|#3:Name|}() => "";
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Split.Zero", "0"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Split.Four", "4"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("Split.Stream", "2"),
        VerifyCS.Diagnostic().WithLocation(3).WithArguments("Splitter.Name", "2"));

    [Fact]
    public Task MatchingTuples_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Split
        {
            [RayRemote(NumReturns = 2)]
            public static (int Sum, string Label) Two() => (1, "");

            [RayRemote(NumReturns = 3)]
            public static Task<(int, string, bool)> ThreeAsync() => Task.FromResult((1, "two", true));

            [RayRemote(NumReturns = 2)]
            public static ValueTask<(long, long)> PairAsync(long seed) => new((seed, seed + 1));
        }

        [RayRemote]
        public partial class Splitter
        {
            [RayRemote(NumReturns = 2)]
            public (int, int) Halves(int n) => (n / 2, n - n / 2);
        }
        """);

    [Fact]
    public Task DefaultOrOneReturn_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Split
        {
            // A tuple is one value unless NumReturns says otherwise.
            [RayRemote]
            public static (int, int) Pair() => (1, 2);

            [RayRemote(NumReturns = 1)]
            public static int One() => 1;

            [RayRemote(NumReturns = RayRemoteAttribute.Unset)]
            public static int Unset() => 1;
        }
        """);
}
