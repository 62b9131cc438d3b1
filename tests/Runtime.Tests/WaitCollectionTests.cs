using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Objects;
using RaySharp.Objects.Waiting;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// The wait loop as newcomers write it, with the refs in a <see cref="List{T}"/> or an array:
/// <c>(var ready, refs) = Ray.Wait(refs, …)</c> compiles (the rest comes back in the caller's collection type) and
/// drains every ref; passing the rest back unchanged continues the same wait set.
/// </summary>
public sealed class WaitCollectionTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Wait_loop_over_a_List_drains_every_ref_as_it_finishes()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var blocked = Fn.Of<int, int>((x, ct) => gate.Pass(ct) ? x : -1);
        var refs = new[] { 0, 1, 2, 3 }.Select(i => i % 2 == 0 ? Ray.Put(i) : blocked.Remote(i)).ToList();
        var drained = new List<int>();

        while (refs.Count > 0)
        {
            (var ready, refs) = Ray.Wait(refs, timeout: s_timeout);
            drained.AddRange(ready.Select(r => r.Get()));
            if (drained.Count == 2)
            {
                gate.Open(); // the puts come first; the gated tasks only after
            }
        }

        Assert.Equal([0, 2], drained.Take(2));
        Assert.Equal([1, 3], drained.Skip(2).Order());
    }

    [Fact]
    public void Wait_loop_over_an_array_drains_every_ref_in_input_order_when_all_are_ready()
    {
        using var ray = TestRuntime.Start();
        ObjectRef<int>[] refs = Enumerable.Range(0, 5).Select(i => Ray.Put(i)).ToArray();
        var drained = new List<int>();

        while (refs.Length > 0)
        {
            (var ready, refs) = Ray.Wait(refs, numReturns: Math.Min(2, refs.Length), timeout: s_timeout);
            drained.AddRange(ready.Select(r => r.Get()));
        }

        Assert.Equal([0, 1, 2, 3, 4], drained);
    }

    [Fact]
    public async Task WaitAsync_loop_over_a_List_and_an_array_drains_every_ref()
    {
        using var ray = TestRuntime.Start();
        var list = Enumerable.Range(0, 3).Select(i => Ray.Put(i)).ToList();
        var array = Enumerable.Range(0, 3).Select(i => Ray.Put(i)).ToArray();
        var drained = new List<int>();

        while (list.Count > 0)
        {
            (var ready, list) = await Ray.WaitAsync(list, timeout: s_timeout);
            drained.Add(ready[0].Get());
        }

        while (array.Length > 0)
        {
            (var ready, array) = await Ray.WaitAsync(array, timeout: s_timeout);
            drained.Add(ready[0].Get());
        }

        Assert.Equal([0, 1, 2, 0, 1, 2], drained);
    }

    [Fact]
    public void The_rest_passed_back_unchanged_continues_the_wait_set_and_a_changed_one_starts_over()
    {
        using var ray = TestRuntime.Start();
        var refs = Enumerable.Range(0, 4).Select(i => Ray.Put(i)).ToList();

        (_, refs) = Ray.Wait(refs);
        var view = Assert.IsType<WaitView<ObjectRef<int>>>(CollectionWait.Source<ObjectRef<int>>(refs));
        Assert.Equal(refs, view);

        var rest = Ray.Wait(refs).NotReady;
        Assert.False(view.IsLatest); // continued: the second wait made the set's next generation
        Assert.IsType<WaitView<ObjectRef<int>>>(CollectionWait.Source<ObjectRef<int>>(rest));
        Assert.Same(refs, CollectionWait.Source<ObjectRef<int>>(refs)); // an older rest starts over

        rest.Add(Ray.Put(9));
        Assert.Same(rest, CollectionWait.Source<ObjectRef<int>>(rest)); // changed: starts over
        Assert.Equal([2, 3, 9], Ray.Get(Ray.Wait(rest, numReturns: 3, timeout: s_timeout).Ready, s_timeout));

        var array = Ray.Wait(Enumerable.Range(0, 3).Select(i => Ray.Put(i)).ToArray()).NotReady;
        Assert.IsType<WaitView<ObjectRef<int>>>(CollectionWait.Source<ObjectRef<int>>(array));
        array[0] = array[1];
        Assert.Same(array, CollectionWait.Source<ObjectRef<int>>(array)); // moved refs: starts over
    }

    [Fact]
    public void A_list_or_array_form_rejects_null_and_bad_counts_as_the_list_form_does()
    {
        using var ray = TestRuntime.Start();
        var one = Ray.Put(1);

        Assert.Throws<ArgumentNullException>(() => Ray.Wait((List<ObjectRef<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => Ray.Wait((ObjectRef<int>[])null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.Wait(new[] { one }, numReturns: 2));
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => Ray.Wait(new List<ObjectRef<int>> { one, one })).Message);
        Assert.Empty(Ray.Wait(Array.Empty<ObjectRef<int>>()).NotReady);
    }
}
