using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Shared;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

/// <summary>The shared compile-time classification: which types the object store may keep by reference.</summary>
public sealed class ImmutabilityRulesTests
{
    private const string Types = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using RaySharp;

        namespace App;

        public sealed record Point(int X, int Y);
        public sealed record Named(string Name, Point At, ImmutableArray<int> Tags);
        public sealed record WithList(string Name, List<int> Items);
        public sealed record WithArray(int[] Values);
        public sealed record Settable { public int X { get; set; } }
        public sealed record InitOnly { public int X { get; init; } public string Name { get; init; } = ""; }
        public sealed class GetOnly { public GetOnly(int x) => X = x; public int X { get; } }
        public sealed class PublicField { public int X; }
        public sealed class ReadonlyField { public readonly string Name = ""; }
        public sealed class PrivateMutable { private int _count; public int Count => _count; public void Bump() => _count++; }
        public sealed class Primary(int x) { public int Get() => x; }
        public struct MutableStruct { public int X; public string Name; }
        public struct StructWithList { public List<int> Items; }
        public readonly record struct Pixel(byte R, byte G, byte B);
        public sealed record Node(int Value, Node? Next);
        public sealed record Holder(IReadOnlyList<int> Items);
        public sealed record Frozen(ImmutableDictionary<string, ImmutableList<Point>> Index);
        public sealed record Weird(ImmutableList<List<int>> Lists);
        public abstract record Shape;
        public sealed record Circle(double R) : Shape;
        public class Base { public int X { get; set; } }
        public sealed class Derived : Base { public int Y { get; } }
        [RayImmutable] public sealed class Cache { private readonly Dictionary<int, int> _memo = new(); public int Get(int x) => _memo.TryGetValue(x, out var v) ? v : x; }
        public sealed record Delegating(Func<int> Make);
        public enum Color { Red }

        internal static class Signatures
        {
            internal static void M(
                Point point, Named named, WithList withList, WithArray withArray, Settable settable, InitOnly initOnly,
                GetOnly getOnly, PublicField publicField, ReadonlyField readonlyField, PrivateMutable privateMutable, Primary primary,
                MutableStruct mutableStruct, StructWithList structWithList, Node node, Holder holder, Frozen frozen, Weird weird,
                Shape shape, Circle circle, Derived derived, Cache cache, Delegating delegating, Color color, int number, string text,
                int[] ints, Pixel[] pixels, List<int>[] lists, string[] strings, ReadOnlyMemory<long> longs, ReadOnlyMemory<Pixel> pixelBuffer,
                ReadOnlyMemory<string> texts, ReadOnlyMemory<int[]> arrays, Memory<long> writable, ImmutableArray<Pixel> immutablePixels,
                List<int> list, Dictionary<string, Point> dictionary, (int, string) tuple, (int, List<int>) mixedTuple, object anything,
                ObjectRef<List<int>> reference, Point? maybe, KeyValuePair<string, Point> pair, Guid guid, Uri uri)
            {
            }
        }
        """;

    [Theory]
    [InlineData("point")]
    [InlineData("named")]
    [InlineData("initOnly")]
    [InlineData("getOnly")]
    [InlineData("readonlyField")]
    [InlineData("mutableStruct")]
    [InlineData("node")]
    [InlineData("frozen")]
    [InlineData("circle")]
    [InlineData("cache")]
    [InlineData("immutablePixels")]
    [InlineData("tuple")]
    [InlineData("maybe")]
    [InlineData("pair")]
    public void Deeply_immutable_types_are_stored_by_reference(string parameter) =>
        Assert.Equal(StoreKind.ByReference, Classify(parameter)!.Kind);

    [Theory]
    [InlineData("withList")]
    [InlineData("withArray")]
    [InlineData("settable")]
    [InlineData("publicField")]
    [InlineData("privateMutable")]
    [InlineData("primary")]
    [InlineData("structWithList")]
    [InlineData("holder")]
    [InlineData("weird")]
    [InlineData("shape")]
    [InlineData("derived")]
    [InlineData("delegating")]
    [InlineData("lists")]
    [InlineData("arrays")]
    [InlineData("writable")]
    [InlineData("list")]
    [InlineData("dictionary")]
    [InlineData("mixedTuple")]
    [InlineData("anything")]
    public void Mutable_types_are_snapshotted(string parameter) =>
        Assert.Equal(StoreKind.Serialize, Classify(parameter)!.Kind);

    [Theory]
    [InlineData("ints")]
    [InlineData("pixels")]
    [InlineData("strings")]
    public void Arrays_of_unmanaged_or_immutable_elements_are_block_copied(string parameter) =>
        Assert.Equal(StoreKind.CloneArray, Classify(parameter)!.Kind);

    [Theory]
    [InlineData("longs", "long")]
    [InlineData("pixelBuffer", "global::App.Pixel")]
    [InlineData("texts", "string")]
    public void Read_only_memory_of_unmanaged_or_immutable_elements_is_a_read_only_buffer(string parameter, string element)
    {
        var spec = Classify(parameter)!;

        Assert.Equal(StoreKind.ReadOnlyBuffer, spec.Kind);
        Assert.Equal(element, spec.Element);
    }

    [Theory]
    [InlineData("color")]
    [InlineData("number")]
    [InlineData("text")]
    [InlineData("guid")]
    [InlineData("uri")]
    [InlineData("reference")]
    public void Types_the_runtime_knows_need_no_registration(string parameter) =>
        Assert.Null(Classify(parameter));

    [Fact]
    public void Another_assemblys_type_without_the_attribute_is_left_to_the_runtime()
    {
        var library = GeneratorHarness.Compile("namespace Lib; public sealed record Remote(int X);");
        var consumer = GeneratorHarness.Compile("namespace App; public static class S { public static void M(Lib.Remote r) { } }")
            .AddReferences(library.ToMetadataReference());
        var type = ((IMethodSymbol)consumer.GetTypeByMetadataName("App.S")!.GetMembers("M").Single()).Parameters[0].Type;

        Assert.Null(ImmutabilityRules.Classify(type, consumer.Assembly, CancellationToken.None));
        Assert.Null(ImmutabilityRules.IsDeeplyImmutable(type, consumer.Assembly, CancellationToken.None));
    }

    private static StoreSpec? Classify(string parameter)
    {
        var compilation = GeneratorHarness.Compile(Types);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = (IMethodSymbol)compilation.GetTypeByMetadataName("App.Signatures")!.GetMembers("M").Single();
        var type = method.Parameters.Single(p => p.Name == parameter).Type;
        return ImmutabilityRules.Classify(type, compilation.Assembly, CancellationToken.None);
    }
}
