using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace RaySharp.Hosting.Tests;

public static partial class LoggedWork
{
    [RayRemote]
    public static int Fail(int x) => throw new InvalidOperationException($"no square for {x}");

    [RayRemote]
    public static byte[] Block(int size) => new byte[size];
}

/// <summary>An actor whose first incarnation crashes on its first call, as a Ray actor whose process dies.</summary>
[RayRemote]
public partial class Fragile
{
    private static int s_incarnations;
    private readonly int _incarnation = System.Threading.Interlocked.Increment(ref s_incarnations);

    public int Poke() => _incarnation == 1 ? throw new ActorCrashException("the process died") : _incarnation;
}

/// <summary>
/// What an operator sees in the host's logs (the RaySharp.* categories): with AddRaySharp the runtime logs to the
/// host's ILoggerFactory without being told.
/// </summary>
[Collection(nameof(HostingTests))]
public sealed class LoggingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Actor_restarts_task_failures_and_spills_are_logged_under_their_categories()
    {
        var logs = new CollectingLoggerProvider();
        var spillParent = Path.Combine(Path.GetTempPath(), "raysharp-logging-tests-" + Guid.NewGuid().ToString("n"));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddRaySharp(options => options.Ray = new RayOptions
        {
            NumCpus = 2,
            ObjectStoreMemory = 1 << 20,
            ObjectSpillingDirectory = spillParent,
        });
        using var host = builder.Build();
        await host.StartAsync();

        var fragile = Fragile.Remote.WithOptions(new ActorOptions { MaxRestarts = 1, MaxTaskRetries = 1 }).New();
        Assert.Equal(2, fragile.Poke().Get(Timeout));
        Assert.Throws<RayTaskException>(() => LoggedWork.Remote.Fail(3).Get(Timeout));
        var blocks = Enumerable.Range(0, 4).Select(_ => Ray.Put(new byte[400 * 1024])).ToArray(); // 1.6 MiB into a 1 MiB store
        var spills = Ray.State.Memory().SpillCount;
        await host.StopAsync();
        GC.KeepAlive(blocks);

        var restart = Assert.Single(logs.In(RayLogCategories.Actors), e => e.EventName == "ActorRestarting");
        Assert.Equal(LogLevel.Warning, restart.Level);
        Assert.Contains("Fragile", restart.Message, StringComparison.Ordinal);
        Assert.Contains("1 of MaxRestarts 1", restart.Message, StringComparison.Ordinal);
        Assert.IsType<ActorCrashException>(restart.Exception);

        var failed = Assert.Single(logs.In(RayLogCategories.Scheduling), e => e.EventName == "TaskFailed");
        Assert.Equal(LogLevel.Debug, failed.Level);
        Assert.Contains("RaySharp.Hosting.Tests.LoggedWork.Fail", failed.Message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: no square for 3", failed.Message, StringComparison.Ordinal);

        Assert.True(spills >= 1, $"the store spilled nothing ({spills})");
        var spilled = logs.In(RayLogCategories.ObjectStore).Where(e => e.EventName == "ObjectSpilled").ToArray();
        Assert.Equal(spills, spilled.Length);
        Assert.All(spilled, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Contains(spilled, e => e.Message.Contains(spillParent, StringComparison.Ordinal));
        Assert.All(logs.Entries.Where(e => e.Category.StartsWith("RaySharp.", StringComparison.Ordinal)),
            e => Assert.Contains(e.Category, new[] { RayLogCategories.Scheduling, RayLogCategories.Actors, RayLogCategories.ObjectStore, RayLogCategories.Cluster }));
    }

    [Fact]
    public async Task A_full_store_is_a_warning_and_a_factory_in_the_options_wins_over_the_hosts()
    {
        var hostLogs = new CollectingLoggerProvider();
        var ownLogs = new CollectingLoggerProvider();
        using var own = LoggerFactory.Create(logging => logging.AddProvider(ownLogs));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(hostLogs);
        builder.Services.AddRaySharp(options => options.Ray = new RayOptions
        {
            NumCpus = 1,
            ObjectStoreMemory = 1 << 20,
            ObjectSpillingMaxBytes = 0,
            LoggerFactory = own,
        });
        using var host = builder.Build();
        await host.StartAsync();

        var kept = Ray.Put(new byte[800 * 1024]);
        Assert.Throws<ObjectStoreFullException>(() => Ray.Put(new byte[800 * 1024]));
        await host.StopAsync();
        GC.KeepAlive(kept);

        var full = Assert.Single(ownLogs.In(RayLogCategories.ObjectStore));
        Assert.Equal("ObjectStoreFull", full.EventName);
        Assert.Equal(LogLevel.Warning, full.Level);
        Assert.Contains("RayOptions.ObjectStoreMemory", full.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(hostLogs.Entries, e => e.Category.StartsWith("RaySharp.", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_factory_the_runtime_logs_nothing_and_runs()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        using var current = runtime.MakeCurrent();

        Assert.Null(runtime.Options.LoggerFactory);
        Assert.Throws<RayTaskException>(() => LoggedWork.Remote.Fail(1).Get(Timeout));
    }
}
