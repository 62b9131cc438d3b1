using System.Linq;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

/// <summary>
/// Snapshots of the generated code for each declaration shape. Every test also compiles the output (plus a caller
/// that uses the stubs) with zero errors and zero warnings, nullable warnings included.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void SyncTask()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            public sealed record Datum(int Id, int Twice, string Word);

            public static partial class Tutorial
            {
                [RayRemote]
                public static Datum GetRefDatum(int id, string[] referenceData) => new(id, 2 * id, referenceData[id % referenceData.Length]);
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<Datum> ByValue(string[] data) => Tutorial.Remote.GetRefDatum(1, data);

                public static ObjectRef<Datum> ByRef(ObjectRef<int> id, ObjectRef<string[]> data) => Tutorial.Remote.GetRefDatum(id, data);

                public static ObjectRef<Datum> WithOptions(string[] data) =>
                    Tutorial.Remote.WithOptions(new TaskOptions { NumCpus = 2 }).GetRefDatum(1, data);

                public static Datum Direct(string[] data) => Tutorial.GetRefDatum(1, data);
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void AsyncTask()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            public static partial class Math
            {
                [RayRemote]
                public static async Task<int> SquareAsync(int x)
                {
                    await Task.Yield();
                    return x * x;
                }

                [RayRemote]
                public static ValueTask<string?> NameAsync(long id) => new(id > 0 ? id.ToString() : null);
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Square() => Math.Remote.SquareAsync(3);

                public static ObjectRef<string?> Name(ObjectRef<long> id) => Math.Remote.NameAsync(id);
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void VoidTask()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            public static partial class Log
            {
                [RayRemote]
                public static void Write(string message) => System.Console.WriteLine(message);

                [RayRemote]
                public static Task FlushAsync() => Task.CompletedTask;

                [RayRemote]
                public static ValueTask CloseAsync(bool force) => default;
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<Unit>[] All() => [Log.Remote.Write("hi"), Log.Remote.FlushAsync(), Log.Remote.CloseAsync(true)];
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void CancellationTokenParameter()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            public static partial class Work
            {
                [RayRemote]
                public static async Task<int> CountAsync(int limit, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return limit;
                }

                [RayRemote]
                public static void Spin(CancellationToken cancellationToken) => cancellationToken.ThrowIfCancellationRequested();
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Count() => Work.Remote.CountAsync(10);

                public static ObjectRef<Unit> Spin() => Work.Remote.Spin();
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void Actor()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            [RayRemote(MaxConcurrency = 2, NumCpus = 0.5)]
            public sealed partial class Counter
            {
                private int _value;

                public Counter() : this(0)
                {
                }

                public Counter(int start) => _value = start;

                public int Value => _value;

                public int Increment(int by) => _value += by;

                public async Task<int> AddLaterAsync(int by)
                {
                    await Task.Yield();
                    return _value += by;
                }

                public void Reset() => _value = 0;

                [RayRemote(MaxRetries = 2)]
                public ValueTask<string> DescribeAsync() => new(_value.ToString());

                internal int Hidden() => _value;

                public override string ToString() => _value.ToString();
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Use()
                {
                    Counter.Handle fresh = Counter.Remote.New();
                    var named = Counter.Remote.WithOptions(new ActorOptions { Name = "c" }).New(5);
                    fresh.Reset();
                    _ = named.DescribeAsync();
                    _ = Ray.GetActor<Counter.Handle>("c");
                    fresh.AddLaterAsync(1);
                    return named.Increment(1);
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void ConcurrencyGroups()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            [RayRemote(MaxConcurrency = 3)]
            [RayConcurrencyGroup("io", 2)]
            [RayConcurrencyGroup("compute", 4)]
            public sealed partial class Worker
            {
                [RayRemote(ConcurrencyGroup = "io")]
                public Task<string> FetchAsync(string url) => Task.FromResult(url);

                [RayRemote(ConcurrencyGroup = "compute", MaxRetries = 1)]
                public int Crunch(int n) => n * n;

                public int Status() => 0;
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Use()
                {
                    var worker = Worker.Remote.New();
                    _ = worker.FetchAsync("a");
                    _ = worker.WithOptions(new TaskOptions { ConcurrencyGroup = "io" }).Crunch(3);
                    return worker.Status();
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void NestedType()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            public static partial class Outer
            {
                public partial struct Middle
                {
                    internal static partial class Inner
                    {
                        [RayRemote]
                        internal static int Twice(int x) => 2 * x;
                    }
                }
            }
            """,
            """
            namespace App;

            internal static class Caller
            {
                public static RaySharp.ObjectRef<int> Twice() => Outer.Middle.Inner.Remote.Twice(21);
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void PrivateNestedType()
    {
        // A module initializer must be reachable from the module (CS8814), so a type nested as private gets none: its
        // functions register when first used, and without a wire form they never travel to another node.
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            public static partial class Host
            {
                private static partial class Hidden
                {
                    [RayRemote]
                    internal static int Twice(int x) => 2 * x;
                }

                public static ObjectRef<int> Call() => Hidden.Remote.Twice(21);
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        var source = output.File("App.Host+Hidden.Remote.g.cs");
        Assert.DoesNotContain("ModuleInitializer", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("TaskWire", source, System.StringComparison.Ordinal);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void GenericContainerArgument()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Collections.Generic;
            using RaySharp;

            namespace App;

            public sealed record MyRecord(string Name, double Weight);

            public static partial class Index
            {
                [RayRemote]
                public static int Count(Dictionary<string, List<MyRecord>> groups)
                {
                    var total = 0;
                    foreach (var group in groups.Values)
                    {
                        total += group.Count;
                    }

                    return total;
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void RecordArgument()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Collections.Generic;
            using RaySharp;

            namespace App;

            public enum Currency { Eur, Usd }

            public readonly record struct Money(decimal Amount, Currency Currency);

            public sealed record Line(string Product, int Quantity, Money Price);

            public sealed class Order
            {
                public Order(int id, IReadOnlyList<Line> lines)
                {
                    Id = id;
                    Lines = lines;
                }

                public int Id { get; }

                public IReadOnlyList<Line> Lines { get; }

                public string? Note { get; set; }

                public int LineCount => Lines.Count;
            }

            public static partial class Billing
            {
                [RayRemote]
                public static Money Total(Order order, Money? discount) => new(0, Currency.Eur);
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void ObjectSemantics()
    {
        var output = GeneratorHarness.Run(
            """
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using RaySharp;

            namespace App;

            public readonly record struct Sample(long Ticks, double Value);

            public sealed record Window(string Name, ImmutableArray<Sample> Samples);

            public sealed record Batch(string Name, List<Sample> Samples);

            [RayImmutable]
            public sealed class Model
            {
                private readonly Dictionary<string, double> _weights = new();

                public double Weight(string name) => _weights.TryGetValue(name, out var w) ? w : 0;
            }

            public static partial class Pipeline
            {
                [RayRemote]
                public static Window Smooth(Window window, Model model) => window;

                [RayRemote]
                public static Batch Collect(Batch batch, Sample[] extra) => batch;

                [RayRemote]
                public static ReadOnlyMemory<long> Scale(ReadOnlyMemory<long> values, ReadOnlyMemory<Sample> samples, ObjectRef<Batch> later) => values;
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void GlobalNamespace()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            public static partial class Globals
            {
                [RayRemote]
                public static string Echo(string text) => text;
            }

            [RayRemote]
            public partial class Greeter
            {
                public string Greet(string name) => "Hello, " + name;
            }
            """,
            """
            internal static class Caller
            {
                public static RaySharp.ObjectRef<string> Echo() => Globals.Remote.Echo("x");

                public static RaySharp.ObjectRef<string> Greet() => Greeter.Remote.New().Greet("y");
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void FileScopedAndBlockNamespaces()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App.FileScoped;

            public static partial class A
            {
                [RayRemote]
                public static int One() => 1;
            }
            """,
            """
            using RaySharp;

            namespace App.Block
            {
                public static partial class A
                {
                    [RayRemote]
                    public static int Two() => 2;
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void InterfaceParameters()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Collections.Generic;
            using System.Linq;
            using RaySharp;

            namespace App;

            public interface IShape
            {
                double Area { get; }
            }

            public static partial class Stats
            {
                [RayRemote]
                public static int Sum(IReadOnlyList<int> values) => values.Sum();

                [RayRemote]
                public static int Pair(IEnumerable<int> left, int scale, IReadOnlyList<int> right) => (left.Sum() + right.Sum()) * scale;

                [RayRemote]
                public static double Three(IShape a, IShape b, IShape c) => a.Area + b.Area + c.Area;

                [RayRemote]
                public static string Describe(object value) => value.ToString() ?? "";

                [RayRemote]
                public static int Peek(ObjectRef<int> pending) => pending.IsReady ? 1 : 0;
            }
            """,
            """
            using System.Collections.Generic;
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static void Use(IReadOnlyList<int> list, List<int> concrete, ObjectRef<IReadOnlyList<int>> listRef,
                    IEnumerable<int> sequence, ObjectRef<IEnumerable<int>> sequenceRef, IShape shape, ObjectRef<IShape> shapeRef,
                    ObjectRef<int> number, object value, ObjectRef<object> valueRef)
                {
                    _ = Stats.Remote.Sum(list);
                    _ = Stats.Remote.Sum(concrete);
                    _ = Stats.Remote.Sum(listRef);
                    _ = Stats.Remote.Pair(sequence, 2, list);
                    _ = Stats.Remote.Pair(sequenceRef, number, list);
                    _ = Stats.Remote.Pair(sequence, 2, listRef);
                    _ = Stats.Remote.Pair(sequenceRef, number, listRef);
                    _ = Stats.Remote.Three(shape, shape, shape);
                    _ = Stats.Remote.Three(shapeRef, shapeRef, shapeRef);
                    _ = Stats.Remote.Describe(value);
                    _ = Stats.Remote.Describe("text");
                    _ = Stats.Remote.Describe(valueRef);
                    _ = Stats.Remote.Peek(number);
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void ManyParameters()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            public static partial class Wide
            {
                [RayRemote]
                public static long Add(int a, long b, short c, byte d, string e) => a + b + c + d + e.Length;
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<long> Add(ObjectRef<long> b) => Wide.Remote.Add(1, b, 3, 4, "five");
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void DeclaredOptions()
    {
        var output = GeneratorHarness.Run(
            """
            using System.IO;
            using RaySharp;

            namespace App;

            public static partial class Jobs
            {
                [RayRemote(NumCpus = 2, NumGpus = 0.25, Resources = ["GPU_MEM=0.5", "disk = 1e3", "broken"], MaxRetries = -1,
                    RetryExceptionTypes = [typeof(IOException)], Name = "the \"job\"")]
                public static int Heavy(int x) => x;

                [RayRemote(RetryExceptions = true, MaxRetries = 5)]
                public static int Flaky(int x) => x;

                [RayRemote(MaxRetries = RayRemoteAttribute.Unset, NumCpus = double.NaN)]
                public static int Unset(int x) => x;
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void TaskTakingActorHandle()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            [RayRemote]
            public sealed partial class Tracker
            {
                private readonly int[] _counts = new int[5];

                public int[] Counts() => _counts;

                public void Increment(int index) => _counts[index]++;
            }

            public static partial class Requests
            {
                [RayRemote]
                public static int Handle(int id, Tracker.Handle tracker)
                {
                    tracker.Increment(id % 5);
                    return id;
                }
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Use() => Requests.Remote.Handle(3, Tracker.Remote.New());
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void InvalidDeclarations()
    {
        // Each declaration breaks a rule: nothing is generated for it, or a stub that throws, so the only build errors
        // are the analyzer's RAY00xx (not part of this test) and the invalid C# below is still valid C#.
        var output = GeneratorHarness.Run(
            """
            using System;
            using System.Threading;
            using RaySharp;

            namespace App;

            public static class NotPartial
            {
                [RayRemote]
                public static int One() => 1;
            }

            public partial class Mixed
            {
                [RayRemote]
                public static int Fine(int x) => x;

                [RayRemote]
                public int Instance(int x) => x;

                [RayRemote]
                public static int TokenFirst(CancellationToken token, int x) => x;

                [RayRemote]
                public static int ByRef(ref int x) => x;

                [RayRemote]
                public static int Span(ReadOnlySpan<int> values) => values.Length;

                [RayRemote]
                public static T Generic<T>(T value) => value;

                [RayRemote]
                public static int Dynamic(dynamic value) => 0;

                [RayRemote]
                public static dynamic DynamicResult() => 1;
            }

            public static partial class Generic<T>
            {
                [RayRemote]
                public static int Inside() => 1;
            }

            [RayRemote]
            public abstract partial class AbstractActor
            {
                public int M() => 1;
            }

            [RayRemote]
            public partial class NoPublicConstructor
            {
                private NoPublicConstructor()
                {
                }

                public int M() => 1;
            }

            [RayRemote]
            public partial class ActorWithStatic
            {
                [RayRemote]
                public static int NotAllowed() => 1;

                public int Allowed() => 1;
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void NumReturnsTuple()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            public sealed record Stats(double Mean, double Max);

            public static partial class Split
            {
                [RayRemote(NumReturns = 2)]
                public static (int Sum, Stats Stats) Summarize(int[] values) => (values.Length, new Stats(0, 0));

                [RayRemote(NumReturns = 3)]
                public static Task<(int, string, bool)> ThreeAsync() => Task.FromResult((1, "two", true));

                [RayRemote(NumReturns = 2)]
                public static ValueTask<(long, long)> PairAsync(long seed) => new((seed, seed + 1));

                [RayRemote(NumReturns = 2)]
                public static int NotATuple() => 1;
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<Stats> Use()
                {
                    var (sum, stats) = Split.Remote.Summarize(new[] { 1, 2, 3 });
                    (ObjectRef<int> one, ObjectRef<string> two, ObjectRef<bool> three) = Split.Remote.ThreeAsync();
                    _ = (sum, one, two, three, Split.Remote.PairAsync(1));
                    return stats;
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void StreamingTask()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using RaySharp;

            namespace App;

            public sealed record Chunk(int Index, string Text);

            public static partial class Streams
            {
                [RayRemote]
                public static IEnumerable<int> Count(int limit)
                {
                    for (var i = 0; i < limit; i++)
                    {
                        yield return i;
                    }
                }

                [RayRemote]
                public static async IAsyncEnumerable<Chunk> ReadAsync(string text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    yield return new Chunk(0, text);
                }
            }

            [RayRemote]
            public sealed partial class Source
            {
                public IEnumerable<string> Lines(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return i.ToString();
                    }
                }
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static void Use()
                {
                    foreach (ObjectRef<int> item in Streams.Remote.Count(3))
                    {
                        _ = item;
                    }

                    ObjectRefGenerator<Chunk> chunks = Streams.Remote.ReadAsync("text");
                    ObjectRefGenerator<string> lines = Source.Remote.New().Lines(2);
                    _ = (chunks, lines);
                }
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void BuiltinShapes()
    {
        var output = GeneratorHarness.Run(
            """
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using MessagePack;
            using MessagePack.Formatters;
            using RaySharp;

            namespace App;

            public enum Color { Red, Green }

            public struct Point
            {
                public int X;
                public int Y;
            }

            [MessagePackObject]
            public sealed class Contract
            {
                [Key(0)]
                public int Value { get; set; }
            }

            [MessagePackFormatter(typeof(CustomFormatter))]
            public sealed class Custom
            {
                public IntPtr Handle { get; set; }
            }

            public sealed class CustomFormatter : IMessagePackFormatter<Custom?>
            {
                public void Serialize(ref MessagePackWriter writer, Custom? value, MessagePackSerializerOptions options) => writer.WriteNil();

                public Custom? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
                {
                    reader.Skip();
                    return null;
                }
            }

            public static partial class Shapes
            {
                [RayRemote]
                public static int Collections(
                    ImmutableArray<Point> a, ImmutableList<Color> b, ImmutableHashSet<string> c, ImmutableDictionary<string, Point> d,
                    (int, Point) e, Tuple<Color, string> f, KeyValuePair<string, Point> g, Point? h, ReadOnlyMemory<Point> i,
                    Point[,] j, HashSet<Color> k, IReadOnlyDictionary<Color, Point[]> l, Contract m, Custom n, ObjectRef<Point> o) => 0;
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void NonPublicMethods()
    {
        // Internal and private methods get internal stubs, unless their signature uses a private type: then they get
        // no stub (nothing outside the type could name it), but still a function and an invoker case.
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            public static partial class Hidden
            {
                private sealed record Secret(int Value);

                [RayRemote]
                internal static int Visible(int x) => x;

                [RayRemote]
                private static int AlsoVisible(int x) => x;

                [RayRemote]
                private static int UsesSecret(Secret secret) => secret.Value;

                public static int Call() => Remote.AlsoVisible(1).Get() + Remote.Visible(2).Get();
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }
}
