using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance.DocCode;

/// <summary>Ray's doc/source/ray-core/doc_code/tasks_multiple_returns.py.</summary>
public sealed partial class DocTasksMultipleReturns
{
    [RayRemote]
    public static (int, int, int) ReturnSingle() => (0, 1, 2);

    [RayRemote(NumReturns = 3)]
    public static (int, int, int) ReturnMultiple() => (0, 1, 2);

    [Fact]
    public void tasks_multiple_returns()
    {
        // Ports doc_code/tasks_multiple_returns.py.
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.Equal((0, 1, 2), Remote.ReturnSingle().Get(Bounds.Must));

        var (objectRef0, objectRef1, objectRef2) = Remote.ReturnMultiple();
        Assert.Equal(0, objectRef0.Get(Bounds.Must));
        Assert.Equal(1, objectRef1.Get(Bounds.Must));
        Assert.Equal(2, objectRef2.Get(Bounds.Must));
    }
}
