using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0005BadActorClassAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.BadActorClass);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        namespace App;

        public abstract partial class Shape
        {
            public abstract double Area();
        }

        public partial class Hidden
        {
            private Hidden()
            {
            }
        }
        """);

    [Fact]
    public Task AbstractAndStaticActors_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public abstract partial class {|#0:Shape|}
        {
            public int Sides() => 0;
        }

        [RayRemote]
        public static partial class {|#1:Registry|}
        {
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Shape"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("App.Registry"));

    [Fact]
    public Task ActorWithoutPublicConstructor_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public partial class {|#0:Singleton|}
        {
            private Singleton()
            {
            }

            public int Get() => 1;
        }

        [RayRemote]
        internal partial class {|#1:Internal|}
        {
            internal Internal(int start)
            {
            }
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Singleton"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("App.Internal"));

    [Fact]
    public Task CreatableActors_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        // The implicit constructor is public.
        [RayRemote]
        public partial class Counter
        {
            public int Get() => 1;
        }

        // One public constructor is enough.
        [RayRemote]
        public sealed partial class Tracker
        {
            private Tracker()
            {
            }

            public Tracker(int start)
            {
            }
        }

        [RayRemote]
        public partial record Ledger(int Opening);
        """);

    [Fact]
    public Task AbstractOrStaticTaskContainers_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        // Not actors: [RayRemote] is on static methods only.
        public static partial class Jobs
        {
            [RayRemote]
            public static int One() => 1;
        }

        public abstract partial class Base
        {
            [RayRemote]
            public static int Two() => 2;
        }
        """);
}
