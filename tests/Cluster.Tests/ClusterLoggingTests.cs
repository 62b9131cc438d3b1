using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>What a node logs under <see cref="RayLogCategories.Cluster"/>: another node joining, and its death once.</summary>
public sealed class ClusterLoggingTests
{
    [Fact]
    public async Task A_node_logs_the_other_node_joining_and_its_death_once()
    {
        var logs = new ConcurrentQueue<(string Category, LogLevel Level, string Event, string Message)>();
        using var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new QueueProvider(logs)));
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((silo, siloBuilder) => siloBuilder.AddRaySharpNode(silo.SiloName == "Silo_0"
            ? new RayOptions { NumCpus = 2, LoggerFactory = factory }
            : new RayOptions { NumCpus = 1 }));
        var cluster = builder.Build();
        await using var _ = cluster;
        await cluster.DeployAsync();
        var node1 = cluster.Silos[0].ServiceProvider.GetRequiredService<RayNode>();
        var node2 = cluster.Silos[1].ServiceProvider.GetRequiredService<RayNode>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await node1.Backend.RefreshNodesAsync() < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "node 1 did not see node 2 within 30 s");
            await Task.Delay(50);
        }

        var joined = Assert.Single(logs, e => e.Event == "NodeJoined");
        Assert.Equal((RayLogCategories.Cluster, LogLevel.Information), (joined.Category, joined.Level));
        Assert.Contains(node2.NodeId, joined.Message, StringComparison.Ordinal);
        Assert.Contains("CPU", joined.Message, StringComparison.Ordinal);

        var membership = cluster.Silos[0].ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
        var address = SiloAddress.FromParsableString(node2.NodeId);
        var dead = new ClusterMembershipSnapshot(membership.Members.SetItem(address, new ClusterMember(address, SiloStatus.Dead, membership.Members[address].Name)), membership.Version);
        await node1.Backend.OnMembershipChanged(dead);
        await node1.Backend.OnMembershipChanged(dead); // membership is read again and again: the death is logged once

        var died = Assert.Single(logs, e => e.Event == "NodeDied");
        Assert.Equal((RayLogCategories.Cluster, LogLevel.Warning), (died.Category, died.Level));
        Assert.Contains(node2.NodeId, died.Message, StringComparison.Ordinal);
        var left = Assert.Single(logs, e => e.Event == "NodeLeft");
        Assert.Contains(node2.NodeId, left.Message, StringComparison.Ordinal);
        Assert.All(logs.Where(e => e.Category.StartsWith("RaySharp.", StringComparison.Ordinal)), e => Assert.Equal(RayLogCategories.Cluster, e.Category));
    }

    private sealed class QueueProvider(ConcurrentQueue<(string, LogLevel, string, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<(string, LogLevel, string, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((category, logLevel, eventId.Name ?? "", formatter(state, exception)));
    }
}
