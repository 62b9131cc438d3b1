using System;
using Xunit;

namespace RaySharp.Tests;

/// <summary>A cluster address needs the RaySharp.Cluster package, which this test assembly does not reference.</summary>
public sealed class ClusterAddressTests
{
    [Fact]
    public void An_address_without_the_cluster_package_fails_saying_to_add_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RayRuntime(new RayOptions { Address = "127.0.0.1:30000" }));

        Assert.Contains("'127.0.0.1:30000'", error.Message, StringComparison.Ordinal);
        Assert.Contains("RaySharp.Cluster", error.Message, StringComparison.Ordinal);
    }
}
