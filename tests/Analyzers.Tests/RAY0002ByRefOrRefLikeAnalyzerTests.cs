using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0002ByRefOrRefLikeAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.ByRefOrRefLike);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        namespace App;

        public static partial class Work
        {
            public static int ByRef(ref int x) => x;
            public static int Span(ReadOnlySpan<int> values) => values.Length;
        }
        """);

    [Fact]
    public Task RefOutInParameters_AreFlaggedWithParameterName() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static int ByRef(ref int {|#0:x|}) => x;

            [RayRemote]
            public static void Output(out int {|#1:y|}) => y = 1;

            [RayRemote]
            public static int ReadOnly(in int {|#2:z|}) => z;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Work.ByRef", "x"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Work.Output", "y"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("Work.ReadOnly", "z"));

    [Fact]
    public Task SpanPointerAndRefStructParameters_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RaySharp;

        namespace App;

        public ref struct Window
        {
            public int Start;
        }

        public static unsafe partial class Work
        {
            [RayRemote]
            public static int Span(ReadOnlySpan<int> {|RAY0002:values|}) => values.Length;

            [RayRemote]
            public static int Pointer(int* {|RAY0002:p|}) => *p;

            [RayRemote]
            public static int Custom(Window {|RAY0002:window|}) => window.Start;
        }
        """);

    [Fact]
    public Task RefLikeOrByRefReturn_IsFlaggedOnTheMethod() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            private static int s_value;

            [RayRemote]
            public static Span<int> {|#0:Slice|}() => default;

            [RayRemote]
            public static ref int {|#1:Value|}() => ref s_value;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Work.Slice", "return"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Work.Value", "return"));

    [Fact]
    public Task ActorConstructorAndMethod_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RaySharp;

        namespace App;

        [RayRemote]
        public partial class Counter
        {
            public Counter(ref int {|#0:start|})
            {
            }

            public void Read(out int {|#1:value|}) => value = 0;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("Counter.Counter", "start"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("Counter.Read", "value"));

    [Fact]
    public Task ValueParameters_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static int Sum(int[] values, List<int> more, ReadOnlyMemory<int> memory, params int[] rest) => values.Length;

            [RayRemote]
            public static ReadOnlyMemory<byte> Bytes(ObjectRef<int[]> source) => default;
        }
        """);

    [Fact]
    public Task ByRefOutsideRemoteSurface_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            [RayRemote]
            public static int Remote(int x) => Helper(ref x);

            // Not remote: only called in process.
            public static int Helper(ref int x) => x;
        }

        [RayRemote]
        public partial class Counter
        {
            private int _count;

            public Counter(int start) => _count = start;

            // Not public, so not on the handle.
            private int Peek(ReadOnlySpan<int> values) => values.Length;

            // Not public either.
            internal void Read(out int value) => value = _count;
        }
        """);

    [Fact]
    public Task RecordActorsCompilerWrittenDeconstruct_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        // The compiler gives the record a public Deconstruct(out int Opening); it is not part of the actor's surface.
        [RayRemote]
        public partial record Ledger(int Opening)
        {
            public int Balance() => Opening;
        }
        """);
}
