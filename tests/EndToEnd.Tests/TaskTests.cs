using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

public sealed class TaskTests
{
    [Fact]
    public void A_sync_task_returns_its_value()
    {
        using var ray = TestRuntime.Start();

        var datum = Tutorial.Remote.GetRefDatum(3, Tutorial.ReferenceData).Get();

        Assert.Equal(new Datum(3, 6, "Distributed"), datum);
    }

    [Fact]
    public void The_direct_call_still_runs_locally()
    {
        Assert.Equal(new Datum(1, 2, "and"), Tutorial.GetRefDatum(1, Tutorial.ReferenceData));
    }

    [Fact]
    public void Refs_passed_as_arguments_are_dependencies()
    {
        using var ray = TestRuntime.Start();
        var data = Ray.Put(Tutorial.ReferenceData);

        var refs = new[] { 2, 4, 6 }.Select(id => Tutorial.Remote.GetRefDatum(id, data)).ToList();
        var pairs = refs.Select(r => Tutorial.Remote.GetRefDatum2(r, data)).Select(r => r.Get()).ToList();

        Assert.Equal((new Datum(2, 4, "Simple"), new Datum(4, 8, "Computing")), pairs[0]);
        Assert.Equal((new Datum(4, 8, "Computing"), new Datum(8, 16, "Distributed")), pairs[1]);
        Assert.Equal((new Datum(6, 12, "and"), new Datum(12, 24, "Simple")), pairs[2]);
    }

    [Fact]
    public async Task Async_tasks_return_their_values()
    {
        using var ray = TestRuntime.Start();

        Assert.Equal(49, await Tutorial.Remote.SquareAsync(7));
        Assert.Equal("hi", await Tutorial.Remote.EchoAsync("hi"));
    }

    [Fact]
    public async Task Void_and_Task_methods_give_a_unit_ref()
    {
        using var ray = TestRuntime.Start();
        var sink = Guid.NewGuid().ToString();

        Unit first = await Tutorial.Remote.Record(sink, 1);
        Unit second = await Tutorial.Remote.RecordLaterAsync(sink, 2);

        Assert.Equal(Unit.Value, first);
        Assert.Equal(Unit.Value, second);
        Assert.Equal([1, 2], Tutorial.Recorded[sink].Order());
    }

    [Fact]
    public void The_runtime_supplies_the_cancellation_token()
    {
        using var ray = TestRuntime.Start();
        var pending = Tutorial.Remote.WaitForCancelAsync(5);

        Ray.Cancel(pending);

        Assert.Throws<TaskCancelledException>(() => pending.Get(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Per_call_options_override_the_declared_ones()
    {
        using var ray = TestRuntime.Start();

        Assert.Equal("Tutorial.TaskName", Short(Tutorial.Remote.TaskName().Get()));
        Assert.Equal("declared-name", Tutorial.Remote.DeclaredName().Get());
        Assert.Equal("per-call", Tutorial.Remote.WithOptions(new TaskOptions { Name = "per-call" }).DeclaredName().Get());

        static string Short(string name) => string.Join('.', name.Split('.').TakeLast(2));
    }

    [Fact]
    public void Declared_retry_options_apply()
    {
        using var ray = TestRuntime.Start();
        var key = Guid.NewGuid().ToString();

        Assert.Equal(3, Tutorial.Remote.FailTwice(key).Get(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Interface_parameters_take_values_of_the_interface_type_and_refs()
    {
        using var ray = TestRuntime.Start();
        IReadOnlyList<int> values = [1, 2, 3];
        var concrete = new List<int> { 4, 5 };
        var valuesRef = Ray.Put(values);
        IShape shape = new Square(2);
        var shapeRef = Ray.Put(shape);

        Assert.Equal(6, Tutorial.Remote.Sum(values).Get());
        Assert.Equal(9, Tutorial.Remote.Sum(concrete).Get());
        Assert.Equal(6, Tutorial.Remote.Sum(valuesRef).Get());
        Assert.Equal(8, Tutorial.Remote.TotalArea(shape, shapeRef).Get());
        Assert.Equal(8, Tutorial.Remote.TotalArea(shapeRef, shape).Get());
    }

    [Fact]
    public void A_parameter_declared_as_a_ref_receives_the_ref_unresolved()
    {
        using var ray = TestRuntime.Start();
        var never = Tutorial.Remote.WaitForCancelAsync(1);

        Assert.False(Tutorial.Remote.IsReadyInside(never).Get(TimeSpan.FromSeconds(10)));
        Ray.Cancel(never);
    }

    [Fact]
    public void Methods_with_more_than_three_parameters_work()
    {
        using var ray = TestRuntime.Start();

        Assert.Equal(1 + 2 + 3 + 4 + 4, Tutorial.Remote.Wide(1, Ray.Put(2L), 3, 4, "five").Get());
    }

    [Fact]
    public void Nested_types_get_stubs()
    {
        using var ray = TestRuntime.Start();

        Assert.Equal(42, Outer.Inner.Remote.Twice(21).Get());
    }
}
