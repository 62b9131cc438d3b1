using System;
using System.Linq;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests.Observability;

/// <summary><see cref="ObjectInfo.Owner"/>: the task that made an object, as <c>ray memory</c> groups objects by the worker that owns them.</summary>
public sealed class ObjectOwnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void An_object_put_inside_a_task_names_that_task_as_its_owner_and_one_put_by_the_driver_says_driver()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, InlineObjectMaxBytes = 0 });
        ObjectRef<byte[]>? kept = null; // what the task put, kept alive past it
        var maker = Fn.Of(_ => (kept = Ray.Put(new byte[200 * 1024])).Id, name: "Owner.PutInside").Remote();
        var id = maker.Get(Timeout);
        var fromDriver = Ray.Put(new byte[10]);

        var rows = Ray.State.Objects();

        var inside = rows.Single(o => o.Id == id);
        Assert.Equal("Owner.PutInside", inside.Owner);
        Assert.Equal(maker.Id.Sequence, inside.OwnerTaskId?.Sequence);
        Assert.Equal(id, kept?.Id);
        var driver = rows.Single(o => o.Id == fromDriver.Id);
        Assert.Equal("driver", driver.Owner);
        Assert.Null(driver.OwnerTaskId);
    }
}
