using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0001NotPartialAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.NotPartial);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        namespace App;

        public static class Jobs
        {
            public static int One() => 1;
        }

        public class Counter
        {
            public int Get() => 1;
        }
        """);

    [Fact]
    public Task TaskMethodInNonPartialType_IsFlaggedWithTypeName() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static class {|#0:Jobs|}
        {
            [RayRemote]
            public static int One() => 1;

            [RayRemote]
            public static int Two() => 2;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Jobs"));

    [Fact]
    public Task NonPartialActorClass_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public class {|RAY0001:Counter|}
        {
            public int Get() => 1;
        }
        """);

    [Fact]
    public Task NonPartialContainingType_IsFlaggedOnceForAllNestedRemoteTypes() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public class {|#0:Outer|}
        {
            public static partial class Tasks
            {
                [RayRemote]
                public static int One() => 1;
            }

            [RayRemote]
            public partial class Actor
            {
                public int Get() => 1;
            }
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Outer"));

    [Fact]
    public Task NonPartialStructWithTaskMethod_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        public struct {|#0:Pair|}
        {
            [RayRemote]
            public static int Sum(int a, int b) => a + b;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Pair"));

    [Fact]
    public Task PartialTypes_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static int One() => 1;
        }

        [RayRemote]
        public partial class Counter
        {
            public int Get() => 1;
        }

        public partial class Outer
        {
            public static partial class Inner
            {
                [RayRemote]
                public static int One() => 1;
            }
        }
        """);

    [Fact]
    public Task NonPartialTypeWithoutOwnRemoteMethods_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public partial class Base
        {
            [RayRemote]
            public static int One() => 1;
        }

        // Inherits a remote method but declares none: nothing is generated into it.
        public class Derived : Base
        {
            public static int Two() => 2;
        }

        // Its nested type is not remote either.
        public class Holder
        {
            public static class Helpers
            {
                public static int Three() => 3;
            }
        }
        """);

    [Fact]
    public Task LookalikeAttributeFromAnotherNamespace_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        namespace Other
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class RayRemoteAttribute : Attribute
            {
            }

            public static class Jobs
            {
                [RayRemote]
                public static int One() => 1;
            }
        }
        """);
}
