using RaySharp.Generators.Shared;
using Xunit;

namespace RaySharp.Generators.Tests;

public sealed class EquatableArrayTests
{
    [Fact]
    public void Arrays_with_equal_items_in_order_are_equal()
    {
        var left = new EquatableArray<string>(["a", "b"]);
        var right = new EquatableArray<string>(["a", "b"]);

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Order_and_length_matter()
    {
        var ab = new EquatableArray<string>(["a", "b"]);

        Assert.NotEqual(ab, new EquatableArray<string>(["b", "a"]));
        Assert.NotEqual(ab, new EquatableArray<string>(["a"]));
        Assert.True(ab != new EquatableArray<string>(["a", "b", "c"]));
    }

    [Fact]
    public void Default_is_empty()
    {
        EquatableArray<int> none = default;

        Assert.Equal(EquatableArray<int>.Empty, new EquatableArray<int>([]));
        Assert.Equal(none, new EquatableArray<int>([]));
        Assert.True(none.IsEmpty);
        Assert.Empty(none);
        Assert.Equal(new EquatableArray<int>([]).GetHashCode(), none.GetHashCode());
    }

    [Fact]
    public void Records_holding_arrays_compare_by_value()
    {
        var left = new Holder("x", new EquatableArray<int>([1, 2]));
        var right = new Holder("x", new EquatableArray<int>([1, 2]));

        Assert.Equal(left, right);
    }

    private sealed record Holder(string Name, EquatableArray<int> Items);
}
