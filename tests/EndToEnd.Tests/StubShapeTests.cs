using Xunit;

namespace RaySharp.EndToEnd.Tests;

public sealed class StubShapeTests
{
    [Fact]
    public void Omitted_arguments_take_the_declared_defaults()
    {
        using var ray = TestRuntime.Start();

        Assert.Equal("3;items \"quoted\";-1.5E-07;Up;<null>;2.25;0.1;-3000000000;4", StubShapes.Remote.Describe(3).Get());
    }

    [Fact]
    public void Named_arguments_skip_defaults_and_may_be_refs()
    {
        using var ray = TestRuntime.Start();

        var described = StubShapes.Remote.Describe(1, rounding: Rounding.Down, note: Ray.Put<string?>("n"), maybe: (int?)null).Get();

        Assert.Equal("1;items \"quoted\";-1.5E-07;Down;n;2.25;0.1;-3000000000;<null>", described);
    }

    [Fact]
    public void Params_take_values_refs_and_arrays_as_Rays_star_args()
    {
        using var ray = TestRuntime.Start();
        var pending = Ray.Put(5);
        var refs = new[] { Ray.Put(1), Ray.Put(2) };

        Assert.Equal(6, StubShapes.Remote.Sum(1, 2, 3).Get());
        Assert.Equal(0, StubShapes.Remote.Sum().Get());
        Assert.Equal(10, StubShapes.Remote.Sum(2, pending, 3).Get());
        Assert.Equal(3, StubShapes.Remote.Sum(refs).Get());
        Assert.Equal(7, StubShapes.Remote.Sum(new[] { 3, 4 }).Get());
        Assert.Equal(9, StubShapes.Remote.Sum([4, 5]).Get());
        Assert.Equal("a-b-c", StubShapes.Remote.Join("-", "a", Ray.Put("b"), "c").Get());
    }

    [Fact]
    public void A_ref_item_of_params_is_a_dependency()
    {
        using var ray = TestRuntime.Start();
        var first = StubShapes.Remote.Sum(1, 2);

        Assert.Equal(12, StubShapes.Remote.Sum(first, StubShapes.Remote.Sum(first, 4), 2).Get());
    }

    [Fact]
    public void Collection_expressions_and_null_literals_are_arguments()
    {
        using var ray = TestRuntime.Start();

        Assert.Equal(5, StubShapes.Remote.Count([1, 2, 3], [4, 5]).Get());
        Assert.Equal(3, StubShapes.Remote.Count(Ray.Put(new System.Collections.Generic.List<int> { 1 }), [2, 3]).Get());
        Assert.Equal("none", StubShapes.Remote.OrNone(null).Get());
        Assert.Equal("x", StubShapes.Remote.OrNone("x").Get());
        Assert.Equal(-7, StubShapes.Remote.ValueOr(null).Get());
        Assert.Equal(-2, StubShapes.Remote.ValueOr(null, 2).Get());
        Assert.Equal(3, StubShapes.Remote.ValueOr(3).Get());
    }

    [Fact]
    public void Actor_constructors_and_methods_take_defaults()
    {
        using var ray = TestRuntime.Start();

        var byDefault = DerivedCounter.Remote.New();
        var named = DerivedCounter.Remote.New(name: "named");

        Assert.Equal("hi derived", byDefault.Greet().Get());
        Assert.Equal("hello named", named.Greet("hello").Get());
        Assert.Equal(101, named.Add().Get());
    }

    [Fact]
    public void Inherited_public_methods_are_actor_methods()
    {
        using var ray = TestRuntime.Start();
        var counter = DerivedCounter.Remote.New(10);

        Assert.Equal(15, counter.Add(5).Get());
        Assert.Equal(16, counter.Add().Get());
        Assert.Equal("derived", counter.Kind().Get());
        Assert.Equal("derived", counter.Hidden().Get());
    }
}
