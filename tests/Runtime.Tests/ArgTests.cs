using System.Collections.Generic;
using RaySharp.CompilerServices;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary><c>Arg&lt;T&gt;.IsSpecified</c>: what a stub reads to put a parameter's declared default in place of a left-out argument.</summary>
public sealed class ArgTests
{
    [Fact]
    public void Only_default_Arg_is_unspecified()
    {
        using var ray = TestRuntime.Start();

        Assert.False(default(Arg<int>).IsSpecified);
        Assert.True(new Arg<int>(0).IsSpecified);
        Assert.True(new Arg<string?>((string?)null).IsSpecified);
        Assert.True(new Arg<List<int>>([1]).IsSpecified);
        Assert.True(new Arg<int>(Ray.Put(0)).IsSpecified);
    }

    [Fact]
    public void A_value_reads_back_whatever_its_copy_policy()
    {
        using var ray = TestRuntime.Start();
        var list = new List<int> { 1, 2 };
        var arg = new Arg<List<int>>(list);
        list.Add(3);

        Assert.Equal(0, new Arg<int>(0).Value);
        Assert.Null(new Arg<string?>((string?)null).Value);
        Assert.Equal("x", new Arg<string>("x").Value);
        Assert.Equal([1, 2], arg.Value);
        Assert.Equal(0, default(Arg<int>).Value);
    }
}
