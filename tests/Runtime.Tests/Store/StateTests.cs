using System.Linq;
using Xunit;

namespace RaySharp.Tests.Store;

public sealed class StateTests
{
    [Fact]
    public void State_lists_the_live_objects_and_their_totals()
    {
        using var store = StoreRuntime.Start(capacity: 10_000, inlineMax: 100);
        var bytes = Ray.Put(new byte[1_000]);
        var text = Ray.Put(new string('a', 500));
        var longs = Ray.Put(new long[250]);
        var inline = Ray.Put(5);

        var objects = Ray.State.Objects();
        var memory = Ray.State.Memory();

        Assert.Equal([bytes.Id, text.Id, longs.Id], objects.Select(o => o.Id));
        Assert.Equal([1_000L, 1_000L, 2_000L], objects.Select(o => o.SizeBytes));
        Assert.Equal(["System.Byte[]", "System.String", "System.Int64[]"], objects.Select(o => o.TypeName));
        Assert.All(objects, o => Assert.Equal(ObjectLocation.Memory, o.Location));
        Assert.Equal(4_000, memory.UsedBytes);
        Assert.Equal(10_000, memory.CapacityBytes);
        Assert.Equal(3, memory.ObjectsInMemory);
        Assert.Equal(0, memory.ObjectsSpilled);
        Assert.Null(memory.SpillCapacityBytes);
        Assert.Equal(100, memory.InlineObjectMaxBytes);
        Assert.Equal(5, inline.Get());
    }

    [Fact]
    public void The_default_cap_is_30_percent_of_available_memory()
    {
        using var runtime = new RayRuntime();
        using var scope = runtime.MakeCurrent();

        Assert.Equal((long)(System.GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.3), Ray.State.Memory().CapacityBytes);
        Assert.StartsWith(System.IO.Path.GetTempPath(), Ray.State.Memory().SpillDirectory);
    }
}
