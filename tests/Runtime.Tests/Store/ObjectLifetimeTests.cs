using System;
using System.Linq;
using System.Runtime.CompilerServices;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests.Store;

public sealed class ObjectLifetimeTests
{
    [Fact]
    public void An_object_is_released_once_no_ref_to_it_is_reachable()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        var weak = StoreRuntime.PutAndForget(1_000_000);

        StoreRuntime.CollectGarbage();

        Assert.False(weak.IsAlive);
        Assert.Equal(0, Ray.State.Memory().UsedBytes);
        Assert.Empty(Ray.State.Objects());
    }

    [Fact]
    public void An_object_lives_while_a_ref_to_it_is_reachable()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        var value = new byte[1_000_000];
        var reference = Ray.PutOwned(value); // the store keeps this very array, so the weak reference watches the stored object
        var weak = new WeakReference(value);
        value = null;

        StoreRuntime.CollectGarbage();

        Assert.True(weak.IsAlive);
        Assert.Equal(1_000_000, Ray.State.Memory().UsedBytes);
        Assert.Equal(1_000_000, reference.Get().Length);
    }

    [Fact]
    public void A_pending_task_keeps_its_argument_alive_until_it_has_run()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        using var gate = new Gate();
        var (weak, result, argumentId) = SubmitConsumerAndForgetArgument(gate);

        StoreRuntime.CollectGarbage();
        Assert.True(weak.IsAlive);
        Assert.Equal(argumentId, Assert.Single(Ray.State.Objects()).Id);

        gate.Open();
        Assert.Equal(1_000_000, result.Get(TimeSpan.FromSeconds(30)));
        result = null!;
        StoreRuntime.CollectGarbage();

        Assert.False(weak.IsAlive);
        Assert.DoesNotContain(Ray.State.Objects(), o => o.Id == argumentId);
    }

    [Fact]
    public void Small_values_stay_inline_and_are_not_counted()
    {
        using var store = StoreRuntime.Start(capacity: 1_000, inlineMax: 100);
        var small = Ray.Put(new byte[100]);
        var large = Ray.Put(new byte[101]);

        var objects = Ray.State.Objects();

        Assert.Equal(large.Id, Assert.Single(objects).Id);
        Assert.Equal(101, Ray.State.Memory().UsedBytes);
        Assert.Equal(100, small.Get().Length);
    }

    [Fact]
    public void Task_results_are_accounted_like_puts()
    {
        using var store = StoreRuntime.Start(capacity: 100_000_000);
        var result = Fn.Of(_ => new byte[2_000_000]).Remote();

        Assert.Equal(2_000_000, result.Get(TimeSpan.FromSeconds(30)).Length);
        var info = Assert.Single(Ray.State.Objects());
        Assert.Equal(result.Id, info.Id);
        Assert.Equal(2_000_000, info.SizeBytes);
    }

    [Fact]
    public void Streamed_items_are_accounted_and_spilled_like_puts()
    {
        using var store = StoreRuntime.Start(capacity: 5_000_000);
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Enumerable.Range(0, 4).Select(i => StoreRuntime.Pattern(2_000_000, i))));

        var items = store.Runtime.SubmitStreaming<byte[]>(new TaskSpec(produce, TaskArgs.None)).ToList();

        Assert.Equal(4, Ray.State.Objects().Count(o => o.TypeName == "System.Byte[]"));
        Assert.InRange(Ray.State.Memory().UsedBytes, 0, 5_000_000);
        Assert.True(Ray.State.Memory().ObjectsSpilled >= 2);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(StoreRuntime.Pattern(2_000_000, i), items[i].Get());
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference, ObjectRef<int>, ObjectId) SubmitConsumerAndForgetArgument(Gate gate)
    {
        var value = new byte[1_000_000];
        var argument = Ray.PutOwned(value); // no copy: the weak reference watches the stored object
        var blocker = Fn.Of(ct => gate.Pass(ct) ? 1 : 0).Remote();
        var length = Fn.Of<ReadOnlyMemory<byte>, int, int>((bytes, _, _) => bytes.Length).Remote(argument, blocker);
        return (new WeakReference(value), length, argument.Id);
    }
}
