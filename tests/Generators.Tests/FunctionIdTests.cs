using System.Linq;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Shared;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

public sealed class FunctionIdTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Hash_is_FNV_1a_64(string text, ulong expected) => Assert.Equal(expected, FunctionIds.Hash(text));

    [Fact]
    public void The_signature_uses_CLR_names_without_annotations()
    {
        var method = Method("""
            using System.Threading.Tasks;
            namespace App;
            public static class T
            {
                public static Task<int> M(int a, int? b, (int Count, string? Name) c, string?[] d, System.Collections.Generic.List<App.T.Inner> e) => null!;
                public sealed class Inner { }
            }
            """, "M");

        Assert.Equal(
            "App.T.M(System.Int32, System.Nullable<System.Int32>, System.ValueTuple<System.Int32, System.String>, System.String[], "
            + "System.Collections.Generic.List<App.T.Inner>)->System.Threading.Tasks.Task<System.Int32>",
            FunctionIds.MethodSignature(method));
    }

    [Fact]
    public void Renaming_a_parameter_or_annotating_nullability_keeps_the_id()
    {
        var before = Method("namespace App; public static class T { public static string M(string text, int count) => text; }", "M");
        var after = Method("namespace App; public static class T { public static string? M(string? value, int n) => value; }", "M");

        Assert.Equal(FunctionIds.Hash(FunctionIds.MethodSignature(before)), FunctionIds.Hash(FunctionIds.MethodSignature(after)));
    }

    [Fact]
    public void Changing_a_type_changes_the_id()
    {
        var before = Method("namespace App; public static class T { public static int M(int x) => x; }", "M");
        var after = Method("namespace App; public static class T { public static int M(long x) => 0; }", "M");

        Assert.NotEqual(FunctionIds.Hash(FunctionIds.MethodSignature(before)), FunctionIds.Hash(FunctionIds.MethodSignature(after)));
    }

    [Fact]
    public void Constructors_hash_as_New()
    {
        var compilation = GeneratorHarness.Compile("namespace App; public sealed class Counter { public Counter(int start) { } }");
        var constructor = compilation.GetTypeByMetadataName("App.Counter")!.InstanceConstructors.Single();

        Assert.Equal("App.Counter.New(System.Int32)", FunctionIds.ConstructorSignature(constructor));
    }

    [Fact]
    public void Literals_are_hex_ulongs() => Assert.Equal("0x00000000000000FFUL", FunctionIds.Literal(255));

    private static IMethodSymbol Method(string source, string name) =>
        GeneratorHarness.Compile(source).GetTypeByMetadataName("App.T")!.GetMembers(name).OfType<IMethodSymbol>().Single();
}
