using System.Globalization;
using System.Linq;
using RaySharp.Generators.Tests.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

/// <summary>
/// Stub shapes of issue 20: default values, <c>params</c>, inherited actor methods, collection expressions and
/// <c>null</c> for nullable parameters. Each output compiles clean with a caller that uses every shape.
/// </summary>
public sealed class StubShapeSnapshotTests
{
    [Fact]
    public void DefaultValues()
    {
        // fi-FI writes a comma and U+2212 for the minus: none of it may reach the generated literals.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fi-FI");
        try
        {
            var output = GeneratorHarness.Run(
                """
                using RaySharp;

                namespace App;

                public enum Mode { Fast, Slow = 7 }

                public struct Window { public int Size; }

                public static partial class Defaults
                {
                    [RayRemote]
                    public static string All(
                        int count, string label = "a \"b\"\n", double scale = -1.5e-7, float ratio = 0.1f, decimal price = -2.25m,
                        Mode mode = Mode.Slow, char separator = '\'', long big = -3000000000L, ulong huge = 18446744073709551615UL,
                        string? note = null, int? maybe = 4, Window window = default, bool flag = true, double nan = double.NaN) => label;
                }
                """,
                """
                using RaySharp;

                namespace App;

                internal static class Caller
                {
                    public static ObjectRef<string> Omitted() => Defaults.Remote.All(1);

                    public static ObjectRef<string> Named(ObjectRef<string?> note) => Defaults.Remote.All(1, mode: Mode.Fast, note: note, maybe: (int?)null);

                    public static ObjectRef<string> NullNote() => Defaults.Remote.All(1, note: null);
                }
                """);
            GeneratorHarness.AssertCompilesClean(output.Compilation);
            Snapshot.Verify(output.Files);
            var stubs = output.Files.Single(f => f.HintName == "App.Defaults.Remote.g.cs").Text;
            Assert.Contains("(double)(-1.5E-07D)", stubs);
            Assert.Contains("(decimal)(-2.25M)", stubs);
            Assert.Contains("new global::RaySharp.CompilerServices.Arg<global::App.Mode>((global::App.Mode)(7))", stubs);
            Assert.Contains("new global::RaySharp.CompilerServices.Arg<float>((float)(0.1F))", stubs);
            Assert.Contains("(double)(double.NaN)", stubs);
            Assert.Contains("\"a \\\"b\\\"\\n\"", stubs);
            Assert.DoesNotContain("\u2212", stubs);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void ParamsAndCollections()
    {
        var output = GeneratorHarness.Run(
            """
            using System.Collections.Generic;
            using RaySharp;

            namespace App;

            public static partial class Varargs
            {
                [RayRemote]
                public static int Sum(params int[] values) => values.Length;

                [RayRemote]
                public static int Tagged(string tag, params object[] items) => items.Length;

                [RayRemote]
                public static int Count(List<int> values, string? name) => values.Count;
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Values() => Varargs.Remote.Sum(1, 2, 3);

                public static ObjectRef<int> None() => Varargs.Remote.Sum();

                public static ObjectRef<int> Mixed(ObjectRef<int> two) => Varargs.Remote.Sum(1, two, 3);

                public static ObjectRef<int> Refs(ObjectRef<int>[] refs) => Varargs.Remote.Sum(refs);

                public static ObjectRef<int> Array(int[] values) => Varargs.Remote.Sum(values);

                public static ObjectRef<int> Objects(ObjectRef<object> item) => Varargs.Remote.Tagged("t", 1, "two");

                public static ObjectRef<int> CollectionAndNull() => Varargs.Remote.Count([1, 2], null);

                public static ObjectRef<int> RefAndName(ObjectRef<System.Collections.Generic.List<int>> values) => Varargs.Remote.Count(values, "n");
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void InheritedActorMethods()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            public class Base
            {
                public int Add(int amount = 1) => amount;

                public virtual string Kind() => "base";

                public string Hidden() => "base";

                protected int NotRemote() => 0;
            }

            [RayRemote]
            public sealed partial class Derived : Base
            {
                public Derived(string name = "d") { }

                public override string Kind() => "derived";

                public new string Hidden() => "derived";
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static ObjectRef<int> Add() => Derived.Remote.New().Add();

                public static ObjectRef<string> Kind(Derived.Handle handle) => handle.Kind();

                public static ObjectRef<string> Hidden(Derived.Handle handle) => handle.Hidden();
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        var stubs = output.Files.Single(f => f.HintName == "App.Derived.Remote.g.cs").Text;
        // One stub per surface (the handle and its WithOptions calls), not one more for the hidden base method.
        Assert.Equal(2, stubs.Split('\n').Count(l => l.Contains("ObjectRef<string> Hidden(")));
        Assert.Equal(2, stubs.Split('\n').Count(l => l.Contains("ObjectRef<string> Kind(")));
        Assert.DoesNotContain("NotRemote", stubs);
        Snapshot.Verify(output.Files);
    }

    [Fact]
    public void NamedActorOptions()
    {
        var output = GeneratorHarness.Run(
            """
            using RaySharp;

            namespace App;

            [RayRemote(Name = "x", Namespace = "test", GetIfExists = true, Lifetime = ActorLifetime.Detached)]
            public sealed partial class Shared
            {
                public string Ping() => "ok";
            }

            [RayRemote(Lifetime = ActorLifetime.NonDetached)]
            public sealed partial class Plain
            {
                public string Ping() => "ok";
            }
            """,
            """
            using RaySharp;

            namespace App;

            internal static class Caller
            {
                public static Shared.Handle Shared() => App.Shared.Remote.New();

                public static Plain.Handle Plain() => App.Plain.Remote.New();
            }
            """);
        GeneratorHarness.AssertCompilesClean(output.Compilation);
        var shared = output.Files.Single(f => f.HintName == "App.Shared.Remote.g.cs").Text;
        var plain = output.Files.Single(f => f.HintName == "App.Plain.Remote.g.cs").Text;
        Assert.Contains("new global::RaySharp.ActorOptions { Name = \"x\", Namespace = \"test\", GetIfExists = true, Lifetime = global::RaySharp.ActorLifetime.Detached }", shared);
        Assert.DoesNotContain("new global::RaySharp.ActorOptions {", plain);
        Snapshot.Verify(output.Files);
    }
}
