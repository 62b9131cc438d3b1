using System.Linq;
using RaySharp.Generators.Emit;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

public sealed class HintNameTests
{
    [Fact]
    public void Names_that_look_alike_get_distinct_hint_names()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace A.B
            {
                public static partial class C
                {
                    [RayRemote]
                    public static int One() => 1;
                }
            }

            namespace A
            {
                public static partial class D
                {
                    public static partial class C
                    {
                        [RayRemote]
                        public static int Two() => 2;
                    }
                }
            }

            public static partial class Formatters
            {
                [RayRemote]
                public static int Three() => 3;
            }

            namespace RaySharp
            {
                public static partial class Formatters
                {
                    [RayRemote]
                    public static Datum Four() => new(4);
                }

                public sealed record Datum(int Value);
            }
            """);

        Assert.Equal(
            ["A.B.C.Remote.g.cs", "A.D+C.Remote.g.cs", "Formatters.Remote.g.cs", "RaySharp.Formatters.Remote.g.cs", "RaySharp.Formatters.g.cs", "RaySharp.ObjectSemantics.g.cs"],
            output.Files.Select(f => f.HintName).Order(System.StringComparer.Ordinal));
        GeneratorHarness.AssertCompilesClean(output.Compilation);
    }

    [Theory]
    [InlineData("App.Outer+Inner", "App.Outer+Inner")]
    [InlineData("App.Box`1", "App.Box`1")]
    [InlineData("App.Ünïcode", "App.Ünïcode")]
    [InlineData("App.A<B>", "App.A_B_")]
    public void Sanitizing_keeps_safe_characters(string stem, string expected) => Assert.Equal(expected, HintNames.Sanitize(stem));
}
