using System;
using RaySharp.CompilerServices;
using RaySharp.Serialization;
using RaySharp.Util;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

public sealed class HandleArgumentTests
{
    [Fact]
    public void A_task_puts_into_a_queue_passed_to_it()
    {
        using var ray = TestRuntime.Start();
        var queue = new RayQueue<int>();

        Assert.Equal(3, HandleArguments.Remote.Produce(queue, 3).Get());

        Assert.Equal([1, 2, 3], new[] { queue.Get(), queue.Get(), queue.Get() });
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void A_queue_ref_is_an_argument_too()
    {
        using var ray = TestRuntime.Start();
        var queue = HandleArguments.Remote.MakeQueue(2).Get();

        queue.Put("a");
        queue.Put("b");

        Assert.Equal(2, queue.MaxSize);
        Assert.True(queue.IsFull);
        Assert.Throws<QueueFullException>(() => queue.Put("c", block: false));
        Assert.Equal("a", queue.Get(timeout: TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void An_actor_handle_returned_from_a_task_can_be_called()
    {
        using var ray = TestRuntime.Start();

        var counter = HandleArguments.Remote.StartCounter(10).Get();

        Assert.Equal(11, counter.Increment(1).Get());
        Assert.Equal(13, HandleArguments.Remote.IncrementThrough(counter, 2).Get());
        Assert.Equal(16, HandleArguments.Remote.IncrementThrough(HandleArguments.Remote.StartCounter(15), 1).Get());
    }

    [Fact]
    public void A_serialized_queue_reads_back_bound_to_the_same_actor()
    {
        using var ray = TestRuntime.Start();
        var queue = new RayQueue<int>(maxSize: 5);

        var copy = RaySerializer.Deserialize<RayQueue<int>>(RaySerializer.Serialize(queue));
        copy!.Put(42);

        Assert.Equal(5, copy.MaxSize);
        Assert.Equal(42, queue.Get(timeout: TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_nullable_handle_parameter_takes_a_handle_or_null()
    {
        using var ray = TestRuntime.Start();
        var tail = ChainLink.Remote.New();
        var head = ChainLink.Remote.New(ChainLink.Remote.New(tail));

        Assert.Equal(1, tail.Length().Get(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, head.Length().Get(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, ChainLink.Remote.New(null).Length().Get(TimeSpan.FromSeconds(30)));
    }
}
