using System;
using RaySharp.Util;

namespace RaySharp.EndToEnd.Tests;

// RaySharp handles cross task boundaries as plain data: queues and actor handles as arguments and results.
public static partial class HandleArguments
{
    [RayRemote]
    public static int Produce(RayQueue<int> queue, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            queue.Put(i);
        }

        return count;
    }

    [RayRemote]
    public static RayQueue<string> MakeQueue(int maxSize) => new(maxSize);

    [RayRemote]
    public static Counter.Handle StartCounter(int start) => Counter.Remote.New(start);

    [RayRemote]
    public static int IncrementThrough(Counter.Handle counter, int by) => counter.Increment(by).Get();
}

// A nullable handle of the actor's own class as a constructor parameter with a default (a linked list of actors).
[RayRemote]
public partial class ChainLink
{
    private readonly ChainLink.Handle? _next;

    public ChainLink(ChainLink.Handle? next = null) => _next = next;

    public int Length() => _next is null ? 1 : 1 + _next.Length().Get(TimeSpan.FromSeconds(30));
}
