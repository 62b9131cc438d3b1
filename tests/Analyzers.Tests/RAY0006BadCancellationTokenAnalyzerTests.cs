using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0006BadCancellationTokenAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.BadCancellationToken);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading;

        namespace App;

        public static partial class Work
        {
            public static int TokenFirst(CancellationToken token, int x) => x;
            public static int TwoTokens(CancellationToken a, CancellationToken b) => 0;
        }
        """);

    [Fact]
    public Task TokenNotLast_IsFlaggedOnTheToken() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static int TokenFirst(CancellationToken {|#0:token|}, int x) => x;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Work.TokenFirst"));

    [Fact]
    public Task TwoTokens_IsFlaggedOnTheSecond() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static Task<int> TwoTokens(int x, CancellationToken first, CancellationToken {|#0:second|}) => Task.FromResult(x);
        }

        [RayRemote]
        public partial class Worker
        {
            public Task RunAsync(CancellationToken {|#1:token|}, string name) => Task.CompletedTask;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Work.TwoTokens"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Worker.RunAsync"));

    [Fact]
    public Task OneTrailingToken_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static Task<int> Run(int x, CancellationToken token) => Task.FromResult(x);

            [RayRemote]
            public static int Token(CancellationToken token) => 0;

            [RayRemote]
            public static int None(int x) => x;
        }

        [RayRemote]
        public partial class Worker
        {
            public Task RunAsync(string name, CancellationToken token) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task TokenLookalikesAndNonRemoteMethods_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            // A token source is not the runtime's token.
            [RayRemote]
            public static int Source(CancellationTokenSource? source, int x) => x;

            // Not remote.
            public static int Helper(CancellationToken a, CancellationToken b, int x) => x;
        }

        [RayRemote]
        public partial class Worker
        {
            // Not public, so not on the handle.
            private int Inner(CancellationToken token, int x) => x;
        }
        """);
}
