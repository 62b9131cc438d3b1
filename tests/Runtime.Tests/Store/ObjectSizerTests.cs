using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using RaySharp.Objects.Store;
using Xunit;

namespace RaySharp.Tests.Store;

public sealed class ObjectSizerTests
{
    [Fact]
    public void Unmanaged_values_strings_and_buffers_count_exactly()
    {
        Assert.Equal(4, ObjectSizer.Measure(7));
        Assert.Equal(16, ObjectSizer.Measure((1L, 2.0)));
        Assert.Equal(10, ObjectSizer.Measure("hello"));
        Assert.Equal(0, ObjectSizer.Measure<string?>(null));
        Assert.Equal(8_000, ObjectSizer.Measure(new long[1_000]));
        Assert.Equal(3_000, ObjectSizer.Measure(new byte[3_000]));
        Assert.Equal(400, ObjectSizer.Measure(new ReadOnlyMemory<int>(new int[200], 50, 100)));
        Assert.Equal(800, ObjectSizer.Measure(new Memory<double>(new double[100])));
        Assert.Equal(40, ObjectSizer.Measure(new ArraySegment<short>(new short[100], 10, 20)));
        Assert.Equal(1_200, ObjectSizer.Measure(ImmutableArray.Create(new int[300])));
        Assert.Equal(0, ObjectSizer.Measure(default(ImmutableArray<int>)));
    }

    [Fact]
    public void References_count_8_bytes_and_other_objects_are_estimated()
    {
        Assert.Equal(80, ObjectSizer.Measure(new string[10]));
        Assert.Equal(800, ObjectSizer.Measure(new List<int>(new int[100])));
        Assert.Equal(ObjectSizer.ObjectEstimate, ObjectSizer.Measure(new object()));
        Assert.Equal(ObjectSizer.ObjectEstimate, ObjectSizer.Measure<object>(5));
    }
}
