using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class ObjectRefTests
{
    [Fact]
    public void Put_returns_a_ref_that_is_ready_at_once()
    {
        using var ray = TestRuntime.Start();

        var reference = Ray.Put("hello");

        Assert.True(reference.IsReady);
        Assert.Equal("hello", reference.Get());
        Assert.Equal("hello", Ray.Get(reference, TimeSpan.Zero));
    }

    [Fact]
    public void Ids_are_unique_and_refs_compare_by_id()
    {
        using var ray = TestRuntime.Start();
        using var other = new RayRuntime();

        var refs = Enumerable.Range(0, 1000).Select(i => Ray.Put(i)).Append(other.Put(0)).ToList();

        Assert.Equal(refs.Count, refs.Select(r => r.Id).Distinct().Count());
        Assert.Equal(refs[0], refs[0]);
        Assert.NotEqual<ObjectRef>(refs[0], refs[1]);
        Assert.Equal(refs[0].GetHashCode(), refs[0].GetHashCode());
    }

    [Fact]
    public void ToString_shows_the_id_and_the_state()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct)).Remote();

        Assert.Equal($"ObjectRef({pending.Id}, pending)", pending.ToString());
        gate.Open();
        pending.Get();
        Assert.Equal($"ObjectRef({pending.Id}, ready)", pending.ToString());
        Assert.Equal(32, pending.Id.ToString().Length);
    }

    [Fact]
    public async Task A_ref_is_awaitable()
    {
        using var ray = TestRuntime.Start();

        var value = await Fn.Of(_ => 21 * 2).Remote();
        await (ObjectRef)Ray.Put(1);

        Assert.Equal(42, value);
        Assert.Equal(7, await Ray.Put(7).GetAsync());
    }

    [Fact]
    public void Get_with_a_timeout_throws_GetTimeoutException_and_the_object_is_not_lost()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct)).Remote();

        var error = Assert.Throws<GetTimeoutException>(() => pending.Get(TimeSpan.FromMilliseconds(50)));
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal(pending.Id, error.ObjectId);
        Assert.Contains(pending.Id.ToString(), error.Message);

        gate.Open();
        Assert.True(pending.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_negative_timeout_is_rejected()
    {
        using var ray = TestRuntime.Start();

        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.Put(1).Get(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Get_of_a_list_returns_values_in_input_order()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var slow = Fn.Of<int, int>((x, _) =>
        {
            Thread.Sleep((10 - x) * 5); // stands for work: later refs tend to finish first, and the order asserted does not depend on it
            return x * x;
        });

        var refs = Enumerable.Range(0, 10).Select(i => slow.Remote(i)).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * i), Ray.Get(refs));
    }

    [Fact]
    public void Get_of_a_list_reports_the_first_failure_in_input_order_even_when_a_later_one_fails_first()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var gate = new Gate();
        var first = Fn.Of<bool>(ct => gate.Pass(ct) ? throw new InvalidOperationException("first") : false).Remote();
        var second = Fn.Of<bool>(_ => throw new InvalidOperationException("second")).Remote();
        Assert.Throws<RayTaskException>(() => second.Get(TimeSpan.FromSeconds(10)));
        Exception? error = null;
        var getter = new Thread(() => error = Record.Exception(() => Ray.Get([first, second], TimeSpan.FromSeconds(30))));

        getter.Start();
        Assert.False(getter.Join(TimeSpan.FromMilliseconds(200)), "Get returned before the first ref was ready.");
        gate.Open();

        Assert.True(getter.Join(TimeSpan.FromSeconds(10)));
        var failure = Assert.IsType<RayTaskException>(error);
        Assert.Equal("first", failure.InnerException!.Message);
    }

    [Fact]
    public void Get_of_a_long_list_returns_every_value_while_tasks_still_finish()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var square = Fn.Of<int, int>((x, _) => x * x);

        var refs = Enumerable.Range(0, 20_000).Select(i => square.Remote(i)).ToList();

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => i * i), Ray.Get(refs, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task GetAsync_of_a_list_returns_values_in_input_order()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var square = Fn.Of<int, int>((x, _) => x * x);

        var values = await Ray.GetAsync(Enumerable.Range(0, 100).Select(i => square.Remote(i)));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * i), values);
    }

    [Fact]
    public void Get_of_a_list_applies_one_timeout_to_all()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var refs = new List<ObjectRef<bool>> { Ray.Put(true), Fn.Of(ct => gate.Pass(ct)).Remote() };

        var error = Assert.Throws<GetTimeoutException>(() => Ray.Get(refs, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(refs[1].Id, error.ObjectId);
    }

    [Fact]
    public async Task GetAsync_stops_waiting_when_its_token_is_cancelled()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct)).Remote();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending.GetAsync(cancel.Token));

        gate.Open();
        Assert.True(await pending);
    }
}
