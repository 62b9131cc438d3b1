using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Shared;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

/// <summary>The shared RAY0003 rule: what can be serialized, and the member path of what cannot.</summary>
public sealed class SerializationRulesTests
{
    private const string Types = """
        using System;
        using System.Collections.Generic;
        using MessagePack;

        namespace App;

        public sealed record Product(string Name, IntPtr Handle);
        public sealed record Line(Product Product, int Quantity);
        public sealed record Order(int Id, List<Line> Lines);
        public sealed record Job(string Name, Action Callback);
        public sealed record Bag(object Value);
        public interface IShape { double Area { get; } }
        public sealed record Holder(IShape Shape);
        public sealed record Node(int Value, Node? Next);
        public enum Color { Red }
        public readonly record struct Point(int X, int Y);
        public sealed class Settable { public string Name { get; set; } = ""; public Color Color; }
        public sealed class NoMatchingConstructor { public NoMatchingConstructor(int other) { } public int Value { get; } }
        public abstract class Shape { }
        public sealed class Outer { private sealed class Hidden { } internal sealed record Visible(int X); public sealed record UsesHidden(int X); }
        [MessagePackObject] public sealed class Contract { [Key(0)] public IntPtr Handle { get; set; } }
        public sealed class Ignoring { [IgnoreMember] public IntPtr Handle { get; set; } public int Kept { get; set; } }
        public sealed class Holders { public Dictionary<string, Product> ByName { get; set; } = new(); public (int, Job) Pair { get; set; } }
        internal static class Signatures
        {
            internal static void M(
                Order order, IntPtr handle, Dictionary<string, Product> byName, Job job, Bag bag, Holder holder, Node node,
                Color color, Point? point, Settable settable, NoMatchingConstructor noMatch, Shape shape, Contract contract,
                Ignoring ignoring, Holders holders, Outer.Visible visible, List<Dictionary<string, int[]>> nested, dynamic anything,
                Type type, ReadOnlyMemory<Point> points, (int, string)[] pairs, RaySharp.Util.RayQueue<Point> queue,
                RaySharp.Util.RayQueue<Job> jobQueue, RaySharp.Util.ActorPool<RaySharp.ActorHandle> pool)
            {
            }
        }
        """;

    [Theory]
    [InlineData("order", "Order.Lines[].Product.Handle: System.IntPtr")]
    [InlineData("handle", "System.IntPtr")]
    [InlineData("byName", "Dictionary<string, Product>[value].Handle: System.IntPtr")]
    [InlineData("job", "Job.Callback: System.Action")]
    [InlineData("bag", "Bag.Value: System.Object")]
    [InlineData("holder", "Holder.Shape: App.IShape")]
    [InlineData("noMatch", "App.NoMatchingConstructor")]
    [InlineData("shape", "App.Shape")]
    [InlineData("holders", "Holders.ByName[value].Handle: System.IntPtr")]
    [InlineData("anything", "dynamic")]
    [InlineData("type", "System.Type")]
    [InlineData("jobQueue", "RayQueue<Job>[item].Callback: System.Action")]
    [InlineData("pool", "RaySharp.Util.ActorPool<RaySharp.ActorHandle>")]
    public void Unserializable_types_name_the_member_path(string parameter, string path)
    {
        var result = Analyze(parameter);

        Assert.False(result.IsSerializable);
        Assert.Equal(path, result.FailurePath);
        Assert.False(string.IsNullOrEmpty(result.FailureReason));
        Assert.Empty(result.Formatters);
    }

    [Theory]
    [InlineData("node", "global::App.Node")]
    [InlineData("color", "global::App.Color")]
    [InlineData("point", "global::App.Point?")]
    [InlineData("settable", "global::App.Settable")]
    [InlineData("ignoring", "global::App.Ignoring")]
    [InlineData("visible", "global::App.Outer.Visible")]
    [InlineData("nested", "global::System.Collections.Generic.Dictionary<string, int[]>")]
    [InlineData("points", "global::App.Point[]")]
    [InlineData("pairs", "global::System.ValueTuple<int, string>[]")]
    public void Serializable_types_list_their_formatters(string parameter, string expectedType)
    {
        var result = Analyze(parameter);

        Assert.True(result.IsSerializable, result.FailurePath);
        Assert.Contains(result.Formatters, f => f.TypeKey == expectedType);
    }

    [Fact]
    public void A_queue_is_written_by_the_runtime_formatter_and_its_items_need_formatters()
    {
        var result = Analyze("queue");

        Assert.True(result.IsSerializable, result.FailurePath);
        var queue = Assert.Single(result.Formatters, f => f.TypeKey == "global::RaySharp.Util.RayQueue<global::App.Point>");
        Assert.Equal("new global::RaySharp.CompilerServices.RayQueueFormatter<global::App.Point>()", queue.Construction);
        Assert.Equal(FormatterHelpers.RayQueueFormatter, queue.Requires);
        Assert.Contains(result.Formatters, f => f.TypeKey == "global::App.Point");
    }

    [Fact]
    public void An_actor_pool_is_not_an_argument_and_the_reason_says_what_to_pass()
    {
        var result = Analyze("pool");

        Assert.Contains("pass the handles of its actors", result.FailureReason);
    }

    [Fact]
    public void A_type_with_its_own_MessagePack_contract_is_left_to_it()
    {
        var result = Analyze("contract");

        Assert.True(result.IsSerializable);
        Assert.Empty(result.Formatters);
    }

    [Fact]
    public void Builtin_types_need_no_generated_formatter()
    {
        var result = Analyze("nested");

        Assert.DoesNotContain(result.Formatters, f => f.TypeKey == "global::System.Collections.Generic.List<int>" || f.TypeKey == "int[]");
    }

    [Fact]
    public void Object_shapes_use_the_widest_matching_constructor_then_settable_members()
    {
        var order = Analyze("order").Formatters;
        var settable = Analyze("settable").Formatters.Single(f => f.TypeKey == "global::App.Settable").Object!;

        Assert.Empty(order);
        Assert.Equal(0, settable.ConstructorArity);
        Assert.Equal(["Name", "Color"], settable.Members.Select(m => m.Name));
        Assert.All(settable.Members, m => Assert.Equal(-1, m.ConstructorIndex));
    }

    private static SerializationResult Analyze(string parameter)
    {
        var compilation = GeneratorHarness.Compile(Types);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = (IMethodSymbol)compilation.GetTypeByMetadataName("App.Signatures")!.GetMembers("M").Single();
        var type = method.Parameters.Single(p => p.Name == parameter).Type;
        return SerializationRules.Analyze(type, compilation.Assembly, CancellationToken.None);
    }
}
