using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0007MisplacedAttributeAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.MisplacedAttribute);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        namespace App;

        public partial class Calculator
        {
            public int Add(int a, int b) => a + b;
        }

        public interface IJobs
        {
            static int One() => 1;
        }
        """);

    [Fact]
    public Task InstanceMethodOutsideActor_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public partial class Calculator
        {
            [RayRemote]
            public int {|#0:Add|}(int a, int b) => a + b;
        }

        public partial struct Point
        {
            [RayRemote]
            public int {|#1:Length|}() => 0;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Calculator.Add"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Point.Length"));

    [Fact]
    public Task StaticMethodInsideActor_IsFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        [RayRemote]
        public partial class Counter
        {
            [RayRemote]
            public static int {|#0:Create|}() => 1;

            public int Get() => 1;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Counter.Create"));

    [Fact]
    public Task MethodOfInterface_IsFlaggedOnTheInterface() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public partial interface {|#0:IJobs|}
        {
            [RayRemote]
            static int One() => 1;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.IJobs"));

    [Fact]
    public Task StaticTasksAndActorMethodOptions_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static int One() => 1;
        }

        public partial struct Math
        {
            [RayRemote]
            public static int Two() => 2;
        }

        [RayRemote]
        public partial class Counter
        {
            // On an actor method the attribute only carries options.
            [RayRemote(MaxRetries = 2)]
            public int Get() => 1;

            // Static, but not [RayRemote]: an ordinary helper.
            public static int Helper() => 3;
        }
        """);

    [Fact]
    public Task InstanceMethodsWithoutAttribute_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public partial class Calculator
        {
            [RayRemote]
            public static int Add(int a, int b) => a + b;

            // Instance, but not [RayRemote].
            public int Subtract(int a, int b) => a - b;
        }
        """);
}
