using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace RaySharp.Hosting.Tests;

public static partial class HostedWork
{
    [RayRemote]
    public static int Triple(int x) => 3 * x;
}

/// <summary>AddRaySharp: the runtime starts and stops with the host. The ambient runtime is process-wide, so these tests run one at a time.</summary>
[Collection(nameof(HostingTests))]
[CollectionDefinition(nameof(HostingTests), DisableParallelization = true)]
public sealed class HostingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_runtime_starts_with_the_host_and_shuts_down_with_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRaySharp(options => options.Ray = new RayOptions { NumCpus = 3 });
        using var host = builder.Build();

        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<RayRuntime>();
        Assert.True(Ray.IsInitialized);
        Assert.Equal(3, Ray.ClusterResources()["CPU"]);
        Assert.Equal(12, HostedWork.Remote.Triple(4).Get(Timeout));

        await host.StopAsync();
        Assert.True(runtime.IsShutDown);
        Assert.False(Ray.IsInitialized);
    }

    [Fact]
    public async Task Without_the_ambient_runtime_the_injected_one_runs_the_calls()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRaySharp(options =>
        {
            options.Ray = new RayOptions { NumCpus = 1 };
            options.InitializeAmbient = false;
        });
        using var host = builder.Build();

        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<RayRuntime>();
        Assert.False(Ray.IsInitialized);
        using (runtime.MakeCurrent())
        {
            Assert.Equal(9, HostedWork.Remote.Triple(3).Get(Timeout));
        }

        await host.StopAsync();
        Assert.True(runtime.IsShutDown);
    }

    [Fact]
    public void AddRaySharp_twice_is_refused_with_the_fix()
    {
        var services = new ServiceCollection();
        services.AddRaySharp();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddRaySharp());

        Assert.Contains("Call it once", error.Message, StringComparison.Ordinal);
    }
}
