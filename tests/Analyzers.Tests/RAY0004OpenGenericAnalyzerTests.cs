using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0004OpenGenericAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.OpenGeneric);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        namespace App;

        public static partial class Work
        {
            public static T Echo<T>(T value) => value;
        }

        public partial class Cache<T>
        {
            public T? Get() => default;
        }
        """);

    [Fact]
    public Task GenericTaskMethod_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static T {|#0:Echo|}<T>(T value) => value;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Work.Echo"));

    [Fact]
    public Task TaskMethodInsideGenericType_IsFlaggedOnTheType() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class {|#0:Box|}<T>
        {
            [RayRemote]
            public static int Size() => 1;

            public static partial class {|#1:Inner|}
            {
                [RayRemote]
                public static int Depth() => 2;
            }
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Box<T>"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("App.Box<T>.Inner"));

    [Fact]
    public Task GenericActorAndGenericActorMethod_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public partial class {|#0:Cache|}<T>
        {
            public int Count() => 0;
        }

        [RayRemote]
        public partial class Store
        {
            public T {|#1:Read|}<T>(string key) => default!;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Cache<T>"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Store.Read"));

    [Fact]
    public Task ClosedGenericTypes_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static Task<Dictionary<string, List<int>>> Index(List<int> values, KeyValuePair<string, int> pair) =>
                Task.FromResult(new Dictionary<string, List<int>>());
        }
        """);

    [Fact]
    public Task GenericHelpersOutsideRemoteSurface_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static int Remote(int value) => Echo(value);

            // Not remote.
            public static T Echo<T>(T value) => value;
        }

        [RayRemote]
        public partial class Store
        {
            // Not public, so not on the handle.
            private T Read<T>(T value) => value;
        }

        // A generic type with no remote methods, beside a non-generic one that has them.
        public partial class Holder<T>
        {
            public static partial class Plain
            {
            }
        }
        """);
}
