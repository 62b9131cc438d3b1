using System;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/doc_code/task_exceptions.py.</summary>
public sealed partial class DocTaskExceptions
{
    [RayRemote]
    public static int F() => throw new InvalidOperationException("the real error");

    [RayRemote]
    public static int G(int x) => x;

    [RayRemote]
    public static int RaisesMyExc() => throw new MyException("a user exception");

    [Fact]
    public void task_exceptions()
    {
        // Ports doc_code/task_exceptions.py. Differs: Ray raises a RayTaskError that also subclasses the user's
        // exception type; .NET cannot make such a type, so the user's exception is the InnerException (Ray's
        // e.cause, as for the "final" exception class of the last section).
        using var ray = TestRuntime.Start(cpus: 1);
        var error = Assert.Throws<RayTaskException>(() => Remote.F().Get(Bounds.Must));
        Assert.Contains("the real error", error.ToString());

        var downstream = Assert.Throws<RayTaskException>(() => Remote.G(Remote.F()).Get(Bounds.Must));
        Assert.Contains("the real error", downstream.ToString());

        var mine = Assert.Throws<RayTaskException>(() => Remote.RaisesMyExc().Get(Bounds.Must));
        var cause = Assert.IsType<MyException>(mine.InnerException);
        Assert.Equal("a user exception", cause.Message);
    }

    /// <summary>The doc's <c>MyException</c>.</summary>
    public sealed class MyException(string message) : Exception(message);
}
