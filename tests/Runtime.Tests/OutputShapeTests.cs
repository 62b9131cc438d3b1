using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>Tasks with several results (<c>NumReturns</c>) and streaming tasks (Ray's generators).</summary>
public sealed class OutputShapeTests
{
    [Fact]
    public void Several_results_get_one_ref_each()
    {
        using var ray = TestRuntime.Start();
        var divide = Fn.Raw((args, invocation) =>
        {
            var a = (Args<int, int>)args;
            return invocation.ReturnMany((a.Arg1.Value / a.Arg2.Value, a.Arg1.Value % a.Arg2.Value));
        });

        var (quotient, remainder) = ray.Runtime.Submit<int, int>(new TaskSpec(divide, new Args<int, int>(17, 5)));

        Assert.Equal(3, quotient.Get());
        Assert.Equal(2, remainder.Get());
        Assert.NotEqual(quotient.Id, remainder.Id);
    }

    [Fact]
    public async Task Three_async_results_and_a_failure_reaches_every_ref()
    {
        using var ray = TestRuntime.Start();
        var three = Fn.Raw((_, invocation) => invocation.ReturnManyAsync(Task.FromResult((1, "two", 3.0))), isAsync: true);
        var failing = Fn.Raw((_, _) => throw new InvalidOperationException("no results"));

        var (a, b, c) = ray.Runtime.Submit<int, string, double>(new TaskSpec(three, TaskArgs.None));
        var (x, y) = ray.Runtime.Submit<int, int>(new TaskSpec(failing, TaskArgs.None));

        Assert.Equal((1, "two", 3.0), (await a, await b, await c));
        Assert.Same(Assert.Throws<RayTaskException>(() => x.Get()), Assert.Throws<RayTaskException>(() => y.Get()));
    }

    [Fact]
    public void A_streamed_item_is_ready_before_the_task_ends()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Items(gate)));

        var stream = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None));
        var seen = new List<int>();
        foreach (var item in stream)
        {
            seen.Add(item.Get());
            if (seen.Count == 1)
            {
                Assert.False(stream.Completion.IsReady);
                gate.Open();
            }
        }

        Assert.Equal([1, 2, 3], seen);
        Assert.True(stream.Completion.IsReady);
        Assert.Equal(3, stream.Count);

        static IEnumerable<int> Items(Gate gate)
        {
            yield return 1;
            gate.Pass();
            yield return 2;
            yield return 3;
        }
    }

    [Fact]
    public async Task An_async_stream_works_with_await_foreach_and_Wait()
    {
        using var ray = TestRuntime.Start();
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStreamAsync(Items()), isAsync: true);

        var stream = ray.Runtime.SubmitStreaming<string>(new TaskSpec(produce, TaskArgs.None));
        var seen = new List<string>();
        var refs = new List<ObjectRef<string>>();
        await foreach (var item in stream)
        {
            seen.Add(await item);
            refs.Add(item);
        }

        Assert.Equal(["a", "b"], seen);
        Assert.Equal(2, Ray.Wait(refs, numReturns: 2).Ready.Count);

        // A generator is read once, as Ray's: every reader takes from the same cursor.
        Assert.Empty(stream.ToList());
        Assert.Equal(0, await CountAsync(stream.AsAsyncEnumerable()));
        Assert.Equal(2, stream.Count);

        static async Task<int> CountAsync(IAsyncEnumerable<ObjectRef<string>> refs)
        {
            var count = 0;
            await foreach (var _ in refs)
            {
                count++;
            }

            return count;
        }

        static async IAsyncEnumerable<string> Items([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return "a";
            await Task.Delay(10, cancellationToken); // a real suspension between items; nothing waits for its length
            yield return "b";
        }
    }

    [Fact]
    public void A_stream_that_fails_ends_with_a_ref_that_throws()
    {
        using var ray = TestRuntime.Start();
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Items()));

        var refs = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None)).ToList();

        Assert.Equal(2, refs.Count);
        Assert.Equal(1, refs[0].Get());
        Assert.IsType<FormatException>(Assert.Throws<RayTaskException>(() => refs[1].Get()).InnerException);

        static IEnumerable<int> Items()
        {
            yield return 1;
            throw new FormatException("bad item");
        }
    }

    [Fact]
    public void Asking_for_the_wrong_number_of_results_fails_clearly()
    {
        using var ray = TestRuntime.Start();
        var one = Fn.Raw((_, invocation) => invocation.ReturnMany((1, 2)));

        var single = ray.Runtime.Submit<int>(new TaskSpec(one, TaskArgs.None));

        Assert.Contains("fewer results", Assert.Throws<RayTaskException>(() => single.Get()).InnerException!.Message);
    }
}
