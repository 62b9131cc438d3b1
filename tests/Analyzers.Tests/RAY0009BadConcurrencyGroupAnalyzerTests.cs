using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0009BadConcurrencyGroupAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.BadConcurrencyGroup);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task DeclaredGroupsUsedByMethods_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        [RayRemote(MaxConcurrency = 2)]
        [RayConcurrencyGroup("io", 2)]
        [RayConcurrencyGroup("compute", 4)]
        public partial class Worker
        {
            [RayRemote(ConcurrencyGroup = "io")]
            public Task<string> FetchAsync(string url) => Task.FromResult(url);

            [RayRemote(ConcurrencyGroup = "compute")]
            public int Crunch(int n) => n;

            [RayRemote(MaxRetries = 1)]
            public int Status() => 0;

            public int Plain() => 0;
        }
        """);

    [Fact]
    public Task DuplicateEmptyOrNonPositiveGroups_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        [RayConcurrencyGroup("io", 1)]
        [{|#0:RayConcurrencyGroup("io", 2)|}]
        [{|#1:RayConcurrencyGroup("compute", 0)|}]
        [{|#2:RayConcurrencyGroup("", 1)|}]
        public partial class Worker
        {
            public int Status() => 0;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Worker", "declares concurrency group 'io' more than once", "declare each group once, with one limit"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("App.Worker", "gives concurrency group 'compute' the limit 0", "give every group a limit of at least 1, the number of its calls that may run at once"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("App.Worker", "declares a concurrency group with an empty name", "give every group a name, such as [RayConcurrencyGroup(\"io\", 2)]"));

    [Fact]
    public Task MethodNamingAnUndeclaredGroup_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        [RayConcurrencyGroup("io", 1)]
        [RayConcurrencyGroup("compute", 2)]
        public partial class Worker
        {
            [RayRemote(ConcurrencyGroup = "disk")]
            public int {|#0:Read|}() => 1;

            [RayRemote(ConcurrencyGroup = "io")]
            public int Fetch() => 2;
        }

        [RayRemote]
        public partial class Plain
        {
            [RayRemote(ConcurrencyGroup = "io")]
            public int {|#1:Get|}() => 1;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments(
            "Worker.Read",
            "names concurrency group 'disk', which its class does not declare",
            "declare it on the class with [RayConcurrencyGroup(\"disk\", limit)], or use one of the declared groups ('io', 'compute')"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments(
            "Plain.Get",
            "names concurrency group 'io', which its class does not declare",
            "declare it on the class with [RayConcurrencyGroup(\"io\", limit)], or remove ConcurrencyGroup to run the method in the default group"));

    [Fact]
    public Task GroupOnTheClassOrGroupsOnANonActor_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [{|#0:RayRemote(ConcurrencyGroup = "io")|}]
        [RayConcurrencyGroup("io", 1)]
        public partial class Worker
        {
            public int Status() => 0;
        }

        [{|#1:RayConcurrencyGroup("io", 1)|}]
        public class NotAnActor
        {
            public int Status() => 0;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments(
            "App.Worker",
            "sets ConcurrencyGroup on the class, where it means nothing",
            "declare groups with [RayConcurrencyGroup(name, limit)] on the class and set ConcurrencyGroup on the methods that run in them"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments(
            "App.NotAnActor",
            "declares a concurrency group but is not an actor class",
            "mark the class [RayRemote] to make it an actor, or remove [RayConcurrencyGroup]"));

    [Fact]
    public Task ConcurrencyGroupOnATask_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote(ConcurrencyGroup = "io")]
            public static int {|#0:One|}() => 1;

            [RayRemote]
            public static int Two() => 2;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments(
            "Jobs.One",
            "sets ConcurrencyGroup, but only methods of a [RayRemote] actor class run in concurrency groups",
            "remove ConcurrencyGroup, or move the method to an actor class that declares the group"));
}
