using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class ErrorAndRetryTests
{
    [Fact]
    public void A_task_exception_reaches_Get_with_the_original_inside()
    {
        using var ray = TestRuntime.Start();
        var fail = Fn.Of<int>(_ => Thrower.Throw(new InvalidDataException("bad row 7")), name: "Tests.Parse");

        var reference = fail.Remote();
        var error = Assert.Throws<RayTaskException>(() => reference.Get());

        var inner = Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Equal("bad row 7", inner.Message);
        Assert.Equal("Tests.Parse", error.TaskName);
        Assert.Equal(reference.Id.Sequence, error.TaskId.Sequence);
        Assert.Contains(nameof(Thrower.Throw), error.RemoteStackTrace);
        Assert.Contains("Tests.Parse", error.Message);
        Assert.Contains("bad row 7", error.Message);
    }

    [Fact]
    public async Task Await_throws_the_same_error()
    {
        using var ray = TestRuntime.Start();
        var fail = Fn.OfAsync<int>(async _ =>
        {
            await Task.Yield();
            throw new ArgumentException("async failure");
        });

        var error = await Assert.ThrowsAsync<RayTaskException>(async () => await fail.Remote());

        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void Dependents_of_a_failed_ref_fail_with_the_same_error_without_running()
    {
        using var ray = TestRuntime.Start();
        var runs = 0;
        var fail = Fn.Of<int>(_ => throw new InvalidOperationException("root cause"));
        var next = Fn.Of<int, int>((x, _) =>
        {
            Interlocked.Increment(ref runs);
            return x + 1;
        });

        var root = fail.Remote();
        var chain = next.Remote(next.Remote(root));

        var rootError = Assert.Throws<RayTaskException>(() => root.Get());
        Assert.Same(rootError, Assert.Throws<RayTaskException>(() => chain.Get()));
        Assert.Equal(0, runs);
    }

    [Fact]
    public void The_runtime_keeps_working_after_many_failures()
    {
        using var ray = TestRuntime.Start();
        var sometimes = Fn.Of<int, int>((x, _) => x % 2 == 0 ? throw new InvalidOperationException() : x);

        var refs = Enumerable.Range(0, 2000).Select(i => sometimes.Remote(i)).ToList();
        var failures = refs.Count(r => Record.Exception(() => r.Get()) is RayTaskException);

        Assert.Equal(1000, failures);
        Assert.Equal(2, Fn.Of(_ => 2).Remote().Get());
        Assert.Equal(2, ray.Runtime.AvailableResources()["CPU"]);
    }

    [Fact]
    public void Application_exceptions_are_not_retried_by_default()
    {
        using var ray = TestRuntime.Start();
        var attempts = 0;
        var flaky = Fn.Of<int>(_ => Interlocked.Increment(ref attempts) < 2 ? throw new IOException("flaky") : 1);

        Assert.Throws<RayTaskException>(() => flaky.Remote().Get());
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void RetryExceptions_retries_up_to_MaxRetries()
    {
        using var ray = TestRuntime.Start();
        var attempts = 0;
        var flaky = Fn.Of<int>(_ => Interlocked.Increment(ref attempts) < 3 ? throw new IOException("flaky") : attempts,
            new TaskOptions { RetryExceptions = true });

        Assert.Equal(3, flaky.Remote().Get());

        attempts = -10;
        var error = Assert.Throws<RayTaskException>(() => flaky.Remote(new TaskOptions { MaxRetries = 2 }).Get());
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(-7, attempts);
    }

    [Fact]
    public void RetryExceptions_with_types_retries_only_those()
    {
        using var ray = TestRuntime.Start();
        var attempts = 0;
        var options = new TaskOptions { RetryExceptions = RetryExceptions.Of(typeof(IOException)) };
        var wrongKind = Fn.Of<int>(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException();
        }, options);
        var rightKind = Fn.Of<int>(_ => Interlocked.Increment(ref attempts) < 3 ? throw new FileNotFoundException() : 1, options);

        Assert.Throws<RayTaskException>(() => wrongKind.Remote().Get());
        Assert.Equal(1, attempts);
        attempts = 0;
        Assert.Equal(1, rightKind.Remote().Get());
    }

    [Fact]
    public void A_function_that_returns_the_wrong_type_fails_clearly()
    {
        using var ray = TestRuntime.Start();
        var function = Fn.Of(_ => 1).Function;

        var mismatched = ray.Runtime.Submit<string>(new CompilerServices.TaskSpec(function, CompilerServices.TaskArgs.None));

        var error = Assert.Throws<RayTaskException>(() => mismatched.Get());
        Assert.Contains("stub and the invoker disagree", error.InnerException!.Message);
    }

    private static class Thrower
    {
        public static int Throw(Exception exception) => throw exception;
    }
}
