using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

public sealed class MultiAndStreamingTests
{
    [Fact]
    public void NumReturns_gives_one_ref_per_tuple_element()
    {
        using var ray = TestRuntime.Start();

        var (sum, text) = Splits.Remote.Summarize(new[] { 1, 2, 3 });
        var (number, word, flag) = Splits.Remote.ThreeAsync(7);

        Assert.Equal(6, sum.Get());
        Assert.Equal("1,2,3", text.Get());
        Assert.Equal(7, number.Get());
        Assert.Equal("7", word.Get());
        Assert.True(flag.Get());
    }

    [Fact]
    public async Task Streaming_tasks_yield_one_ref_per_item()
    {
        using var ray = TestRuntime.Start();

        // ObjectRefGenerator is both IEnumerable and IAsyncEnumerable, so LINQ's Select is ambiguous on .NET 10: loop.
        var numbers = new System.Collections.Generic.List<int>();
        foreach (var item in Splits.Remote.CountTo(5))
        {
            numbers.Add(item.Get());
        }

        var lines = 0;
        await foreach (var line in Splits.Remote.LinesAsync(3))
        {
            Assert.Equal("item" + lines, (await line).Product);
            lines++;
        }

        Assert.Equal([1, 2, 3, 4, 5], numbers);
        Assert.Equal(3, lines);
    }

    [Fact]
    public void Actor_methods_support_NumReturns_and_streaming()
    {
        using var ray = TestRuntime.Start();
        var accumulator = Accumulator.Remote.New();

        accumulator.Add(10);
        var (count, last) = accumulator.Add(20);

        Assert.Equal(2, count.Get());
        Assert.Equal(20, last.Get());
        var replayed = new System.Collections.Generic.List<int>();
        foreach (var item in accumulator.Replay())
        {
            replayed.Add(item.Get());
        }

        Assert.Equal([10, 20], replayed);
    }
}
