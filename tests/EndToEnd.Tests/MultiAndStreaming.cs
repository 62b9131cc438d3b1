using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.EndToEnd.Tests;

public static partial class Splits
{
    [RayRemote(NumReturns = 2)]
    public static (int Sum, string Text) Summarize(int[] values) => (values.Sum(), string.Join(",", values));

    [RayRemote(NumReturns = 3)]
    public static async Task<(int, string, bool)> ThreeAsync(int seed)
    {
        await Task.Yield();
        return (seed, seed.ToString(), seed > 0);
    }

    [RayRemote]
    public static IEnumerable<int> CountTo(int limit)
    {
        for (var i = 1; i <= limit; i++)
        {
            yield return i;
        }
    }

    [RayRemote]
    public static async IAsyncEnumerable<Line> LinesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Line("item" + i, i, new Money(i, "EUR"));
        }
    }
}

[RayRemote]
public sealed partial class Accumulator
{
    private readonly List<int> _seen = [];

    [RayRemote(NumReturns = 2)]
    public (int Count, int Last) Add(int value)
    {
        _seen.Add(value);
        return (_seen.Count, value);
    }

    public IEnumerable<int> Replay()
    {
        foreach (var value in _seen)
        {
            yield return value;
        }
    }
}
