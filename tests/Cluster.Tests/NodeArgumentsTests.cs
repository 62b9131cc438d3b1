using System;
using RaySharp.Cluster.Nodes;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>Node mode's command line, and the cluster token's check.</summary>
public sealed class NodeArgumentsTests
{
    [Fact]
    public void A_head_listens_on_30000_unless_told_and_port_0_picks_a_free_port()
    {
        Assert.Equal(NodeArguments.DefaultHeadPort, NodeArguments.Parse(["--raysharp-node", "--head"]).Port);
        Assert.Equal(0, NodeArguments.Parse(["--raysharp-node", "--head", "--port", "0"]).Port);
        var worker = NodeArguments.Parse(["--raysharp-node", "--address", "127.0.0.1:30000", "--num-cpus", "2", "--resources", "{\"GPU\": 1}", "--token", "t"]);
        Assert.Null(worker.Port);
        Assert.Equal(2, worker.NumCpus);
        Assert.Equal(1, worker.Resources!["GPU"]);
        Assert.Equal("t", worker.Token);
        Assert.Equal("127.0.0.1", worker.NodeIp.ToString());
    }

    [Theory]
    [InlineData("neither --head nor --address", new[] { "--raysharp-node" }, "either --head")]
    [InlineData("both", new[] { "--head", "--address", "127.0.0.1:1" }, "either --head")]
    [InlineData("bad JSON", new[] { "--head", "--resources", "{GPU" }, "JSON object")]
    [InlineData("a JSON array", new[] { "--head", "--resources", "[1]" }, "JSON object")]
    [InlineData("a negative amount", new[] { "--head", "--resources", "{\"GPU\": -1}" }, "zero or more")]
    [InlineData("an address without a port", new[] { "--address", "127.0.0.1" }, "not host:port")]
    [InlineData("a port out of range", new[] { "--head", "--port", "70000" }, "--port must be")]
    [InlineData("CPUs that are not a number", new[] { "--head", "--num-cpus", "many" }, "--num-cpus")]
    [InlineData("an unknown option", new[] { "--head", "--gpus", "1" }, "Unknown node option '--gpus'")]
    [InlineData("a missing value", new[] { "--head", "--port" }, "needs a value")]
    public void Bad_node_arguments_fail_naming_the_problem(string what, string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => NodeArguments.Parse(args));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    [Fact]
    public void IsNodeCommand_looks_for_the_node_flag()
    {
        Assert.True(RayCluster.IsNodeCommand(["--raysharp-node", "--head"]));
        Assert.False(RayCluster.IsNodeCommand(["--head"]));
    }

    [Fact]
    public void The_gate_admits_the_right_token_and_refuses_a_missing_or_wrong_one_naming_RAY_CLUSTER_TOKEN()
    {
        var open = new ClusterAccess(null, null, isHead: true);
        var closed = new ClusterAccess("s3cret", null, isHead: true);

        Assert.Null(open.Refusal(null, "driver"));
        Assert.Null(closed.Refusal("s3cret", "driver"));
        Assert.Contains("presented none", closed.Refusal(null, "driver"), StringComparison.Ordinal);
        Assert.Contains(RayCluster.TokenVariable, closed.Refusal("", "driver"), StringComparison.Ordinal);
        Assert.Contains("refused the cluster token of the node", closed.Refusal("guess", "node"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", ClusterAccess.NewToken());
    }
}
