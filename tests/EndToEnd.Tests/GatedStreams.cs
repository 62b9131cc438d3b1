using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.EndToEnd.Tests;

/// <summary>Streaming tasks that yield only when a test lets them, by gate name, so waits see a known state.</summary>
public static partial class GatedStreams
{
    public static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>Yields 0, 1, … <paramref name="count"/> - 1, each after one release of the gate.</summary>
    [RayRemote]
    public static IEnumerable<int> CountWhenLet(string gate, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!Gates[gate].Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the test never let item " + i + " through");
            }

            yield return i;
        }
    }

    /// <summary>A new gate with a unique name.</summary>
    public static string NewGate(int released = 0)
    {
        var name = Guid.NewGuid().ToString("N");
        Gates[name] = new SemaphoreSlim(released);
        return name;
    }
}
