using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary><see cref="RuntimeContext.NodeId"/> in a runtime of its own (Ray's <c>get_node_id()</c>): one id per runtime.</summary>
public sealed class NodeIdTests
{
    [Fact]
    public void A_runtimes_tasks_and_its_driver_see_the_same_node_id_and_another_runtime_another()
    {
        string firstDriver, firstTask, secondDriver, secondTask;
        var describe = Fn.Of(_ => Ray.GetRuntimeContext().NodeId, name: "Tests.NodeId");
        using (TestRuntime.Start())
        {
            firstDriver = Ray.GetRuntimeContext().NodeId;
            firstTask = describe.Remote().Get();
        }

        using (TestRuntime.Start())
        {
            secondDriver = Ray.GetRuntimeContext().NodeId;
            secondTask = describe.Remote().Get();
        }

        Assert.False(string.IsNullOrEmpty(firstDriver));
        Assert.Equal(firstDriver, firstTask);
        Assert.Equal(secondDriver, secondTask);
        Assert.NotEqual(firstDriver, secondDriver);
    }
}
