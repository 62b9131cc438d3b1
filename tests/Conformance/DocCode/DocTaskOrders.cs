using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/actors/task-orders.rst (Actor Task Execution Order page).</summary>
public sealed class DocTaskOrders
{
    [Fact]
    public void sync_actor_same_submitter()
    {
        // Ports the first example: calls from one submitter run in submission order.
        using var ray = TestRuntime.Start(cpus: 2);
        var counter = OrderCounter.Remote.New();

        var value0 = counter.Add(1);
        var value1 = counter.Add(2);

        Assert.Equal(1, value0.Get(Bounds.Must));
        Assert.Equal(3, value1.Get(Bounds.Must));
    }

    [Fact]
    public void sync_actor_different_submitters()
    {
        // Ports the second example; delayed_resolution waits on a signal where Ray sleeps 1 s, and the printed values
        // are assertions: the later submitted call runs first.
        using var ray = TestRuntime.Start(cpus: 4);
        var counter = OrderCounter.Remote.New();
        var signal = SignalActor.Remote.New();

        var value0 = TaskOrderFunctions.Remote.Submitter(counter, TaskOrderFunctions.Remote.DelayedResolution(signal, 1));
        var value1 = TaskOrderFunctions.Remote.Submitter(counter, 2);

        Assert.Equal(2, value1.Get(Bounds.Must));
        signal.Send(false);
        Assert.Equal(3, value0.Get(Bounds.Must));
    }

    [Fact]
    public void async_actor_out_of_order()
    {
        // Ports the async example: a call whose argument is pending does not hold up a later call from the same driver.
        using var ray = TestRuntime.Start(cpus: 2);
        var counter = AsyncOrderCounter.Remote.New();
        var signal = SignalActor.Remote.New();

        var value0 = counter.Add(TaskOrderFunctions.Remote.DelayedResolution(signal, 1));
        var value1 = counter.Add(2);

        Assert.Equal(2, value1.Get(Bounds.Must));
        signal.Send(false);
        Assert.Equal(3, value0.Get(Bounds.Must));
    }
}
