using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Tests.Store;

public sealed class ConcurrentSpillingTests
{
    [Fact]
    public void Concurrent_puts_and_gets_under_spilling_read_back_equal_and_stay_within_the_cap()
    {
        using var store = StoreRuntime.Start(capacity: 10_000_000);
        const int Size = 2_000_000;
        var runtime = store.Runtime;

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            using var scope = runtime.MakeCurrent();
            var refs = Enumerable.Range(0, 8).Select(i => Ray.Put(StoreRuntime.Pattern(Size, worker * 100 + i))).ToList();
            for (var round = 0; round < 2; round++)
            {
                for (var i = 0; i < refs.Count; i++)
                {
                    Assert.Equal(StoreRuntime.Pattern(Size, worker * 100 + i), refs[i].Get());
                }
            }
        });

        var memory = Ray.State.Memory();
        Assert.InRange(memory.UsedBytes, 0, 10_000_000);
        Assert.True(memory.SpillCount > 0 && memory.RestoreCount > 0, memory.ToString());
        Assert.Equal(0, memory.Overcommits);
    }
}
