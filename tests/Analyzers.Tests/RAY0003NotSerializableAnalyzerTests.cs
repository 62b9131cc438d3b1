using System.Threading.Tasks;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests;

public class RAY0003NotSerializableAnalyzerTests
{
    private static readonly DeclarationRuleVerifier VerifyCS = new(Descriptors.NotSerializable);

    [Fact]
    public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task AttributeAbsent_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        namespace App;

        public static partial class Work
        {
            public static object Echo(object value, Func<int> callback) => value;
        }
        """);

    [Fact]
    public Task NestedUnserializableMember_IsFlaggedWithItsMemberPath() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public sealed record Product(string Name, nint Handle);
        public sealed record Line(Product Product, int Quantity);
        public sealed record Order(List<Line> Lines);

        public static partial class Shop
        {
            [RayRemote]
            public static int Place(Order {|#0:order|}) => order.Lines.Count;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments(
            "Order.Lines[].Product.Handle: System.IntPtr",
            "Shop.Place",
            "no MessagePack formatter is known for this framework type"));

    [Fact]
    public Task UnserializableParametersAndResults_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public interface IShape
        {
            double Area { get; }
        }

        public abstract class Shape
        {
            public double Area { get; set; }
        }

        public static partial class Work
        {
            [RayRemote]
            public static int Boxed(object {|#0:value|}) => 0;

            [RayRemote]
            public static int Callback(Func<int> {|#1:callback|}) => callback();

            [RayRemote]
            public static double Area(IShape {|#2:shape|}) => shape.Area;

            [RayRemote]
            public static {|#3:dynamic|} Dynamic() => 1;

            [RayRemote]
            public static {|#4:Task<Stream>|} OpenAsync() => Task.FromResult<Stream>(Stream.Null);

            [RayRemote]
            public static {|#5:Shape?|} Largest(int count) => null;
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("System.Object", "Work.Boxed", "no MessagePack formatter is known for this framework type"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("System.Func<System.Int32>", "Work.Callback", "delegates cannot be serialized"),
        VerifyCS.Diagnostic().WithLocation(2).WithArguments("App.IShape", "Work.Area", "an interface does not say which type to create when reading"),
        VerifyCS.Diagnostic().WithLocation(3).WithArguments("dynamic", "Work.Dynamic", "the type of a dynamic value is not known at compile time"),
        VerifyCS.Diagnostic().WithLocation(4).WithArguments("System.IO.Stream", "Work.OpenAsync", "no MessagePack formatter is known for this framework type"),
        VerifyCS.Diagnostic().WithLocation(5).WithArguments("App.Shape", "Work.Largest", "an abstract or static type cannot be created when reading"));

    [Fact]
    public Task NumReturnsTupleElement_IsFlaggedOnTheReturnType() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RaySharp;

        namespace App;

        public static partial class Split
        {
            [RayRemote(NumReturns = 2)]
            public static {|#0:(int Count, object Extra)|} Summarize(int[] values) => (values.Length, new object());
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("System.Object", "Split.Summarize", "no MessagePack formatter is known for this framework type"));

    [Fact]
    public Task ActorConstructorAndMethod_AreFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RaySharp;

        namespace App;

        public sealed class Settings
        {
            private Settings(int level) => Level = level;

            public int Level { get; }
        }

        [RayRemote]
        public partial class Tracker
        {
            public Tracker(Settings {|#0:settings|})
            {
            }

            public {|#1:Action|} Callback() => () => { };
        }
        """,
        VerifyCS.Diagnostic().WithLocation(0).WithArguments("App.Settings", "Tracker.Tracker", "it has no public constructor whose parameters all match public members by name"),
        VerifyCS.Diagnostic().WithLocation(1).WithArguments("System.Action", "Tracker.Callback", "delegates cannot be serialized"));

    [Fact]
    public Task SerializableShapes_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using MessagePack;
        using RaySharp;

        namespace App;

        public sealed record Stats(double Mean, double Max);

        public enum Color { Red, Green }

        public sealed class Settings
        {
            public int Level { get; set; }
            public string Name { get; set; } = "";
        }

        [MessagePackObject]
        public sealed class Contract
        {
            [Key(0)]
            public object? Payload { get; set; }
        }

        public static partial class Work
        {
            [RayRemote]
            public static Task<Dictionary<string, List<Stats>>> Index(Stats[] items, Color color, Settings? settings, DateTimeOffset? when, CancellationToken token) =>
                Task.FromResult(new Dictionary<string, List<Stats>>());

            [RayRemote]
            public static (int, string) Pair(IReadOnlyList<int> values, ReadOnlyMemory<byte> bytes, Contract contract) => (values.Count, "");

            [RayRemote]
            public static ValueTask Nothing(ObjectRef<object> opaque) => default;

            [RayRemote]
            public static async IAsyncEnumerable<Stats> Stream(int count)
            {
                await Task.Yield();
                yield return new Stats(count, count);
            }
        }
        """);

    [Fact]
    public Task NonRemoteMembersAndOtherRulesViolations_NotFlagged() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RaySharp;

        namespace App;

        public static partial class Work
        {
            // Not remote.
            public static object Echo(object value) => value;

            // RAY0002 and RAY0004 own these; RAY0003 does not repeat them.
            [RayRemote]
            public static int Span(ReadOnlySpan<int> values) => values.Length;

            [RayRemote]
            public static T Generic<T>(T value) => value;
        }

        [RayRemote]
        public partial class Counter
        {
            // Not public, so not on the handle.
            private object Peek(Func<int> f) => f();

            internal object Internal() => new object();
        }
        """);
}
