using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0010ReservedNameAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.ReservedName);

    private const string GeneratedMember = "a member the generator adds to the type";
    private const string HandleMember = "a member of its handle, so it gets no stub";

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task ActorMembersNamedLikeGeneratedOrHandleMembers_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public partial class Account
        {
            public sealed class {|#0:Handle|} { }

            public int {|#1:Id|}() => 42;

            public int {|#2:WithOptions|}(int x) => x;

            public int Balance() => 0;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Handle", "App.Account", GeneratedMember),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Id", "App.Account", HandleMember),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("WithOptions", "App.Account", HandleMember));

    [Fact]
    public Task TaskContainerMemberNamedRemote_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            public static int {|#0:Remote|} = 1;

            [RayRemote]
            public static int One() => 1;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Remote", "App.Jobs", GeneratedMember));

    [Fact]
    public Task ObjectOverridesAndNonPublicHandleNames_AreNotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public partial class Account
        {
            public override string ToString() => "account";

            public override bool Equals(object? obj) => ReferenceEquals(this, obj);

            public override int GetHashCode() => 0;

            private int Id() => 42;

            internal int Call() => 1;

            public int Balance() => Id() + Call();
        }
        """);

    [Fact]
    public Task TypesWithoutRemoteDeclarations_MayUseTheNames() => VerifyCS.VerifyAnalyzerAsync(
        """
        namespace App;

        public static class Plain
        {
            public static int Remote = 1;

            public sealed class Handle { }

            public static int Id() => 1;
        }
        """);
}
