using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RaySharp.Dashboard;

/// <summary>
/// Ray's dashboard for a RaySharp runtime: a read-only web page, by default on http://127.0.0.1:8265, with the nodes
/// and their resources, tasks by state (failed ones with their errors), actors, objects with their owners, live
/// updates (server-sent events from <c>/api/events</c>), and the
/// task timeline to download. Start it with <see cref="Start"/> and dispose it to stop it.
/// </summary>
/// <example><code>
/// using var runtime = Ray.Init();
/// using var dashboard = RayDashboard.Start(runtime);   // http://127.0.0.1:8265
/// </code></example>
public sealed class RayDashboard : IDisposable, IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly WebApplication _app;

    private RayDashboard(WebApplication app, RayRuntime runtime, Uri url)
    {
        _app = app;
        Runtime = runtime;
        Url = url;
    }

    /// <summary>The runtime it shows.</summary>
    public RayRuntime Runtime { get; }

    /// <summary>The page's address, with the port actually bound (when <see cref="DashboardOptions.Port"/> was 0).</summary>
    public Uri Url { get; }

    /// <summary>Starts serving the dashboard of <paramref name="runtime"/>; returns once it listens.</summary>
    /// <param name="runtime">The runtime to show.</param>
    /// <param name="options">Host, port and refresh interval; null for 127.0.0.1:8265.</param>
    /// <exception cref="ArgumentException">The host is not an IP address or <c>localhost</c>, or the port is out of range.</exception>
    /// <exception cref="System.IO.IOException">The port is taken (another dashboard, or Ray's, runs there): pick another <see cref="DashboardOptions.Port"/>.</exception>
    public static RayDashboard Start(RayRuntime runtime, DashboardOptions? options = null) => StartAsync(runtime, options).GetAwaiter().GetResult();

    /// <inheritdoc cref="Start"/>
    public static async Task<RayDashboard> StartAsync(RayRuntime runtime, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        options ??= new DashboardOptions();
        var address = Resolve(options);
        if (!IPAddress.IsLoopback(address))
        {
            (options.Warn ?? Console.Error.WriteLine)(
                $"RaySharp dashboard: listening on {options.Host}:{options.Port}, beyond this machine's loopback. Anyone who can reach it sees "
                + "your task names, errors and actors. Bind 127.0.0.1 (the default) unless you mean to share it.");
        }

        if (!runtime.Options.EnableTaskEvents)
        {
            (options.Warn ?? Console.Error.WriteLine)(
                "RaySharp dashboard: the runtime records no task events, so the page lists no tasks. Start it with "
                + "RayOptions.EnableTaskEvents = true (the default) to see them.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(RayDashboard).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, options.Port));
        var app = builder.Build();
        Map(app, runtime, options);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException error)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"The RaySharp dashboard cannot listen on {options.Host}:{options.Port}: {error.Message} Set DashboardOptions.Port to a free port (0 picks one).", error);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RayDashboard(app, runtime, new Uri(bound, UriKind.Absolute));
    }

    /// <summary>Stops serving.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress Resolve(DashboardOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"DashboardOptions.Port must be 0 (any free port) to 65535, not {options.Port}.", nameof(options));
        }

        if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(options.Host, out var address)
            ? address
            : throw new ArgumentException($"DashboardOptions.Host must be an IP address or 'localhost', not '{options.Host}'. Use 127.0.0.1 (the default) for this machine only, 0.0.0.0 for every interface.", nameof(options));
    }

    private static void Map(WebApplication app, RayRuntime runtime, DashboardOptions options)
    {
        app.MapGet("/", () => DashboardAssets.Page(options.RefreshInterval));
        app.MapGet("/assets/{name}", (string name) => DashboardAssets.Asset(name));
        app.MapGet("/api/snapshot", () => Results.Json(DashboardSnapshot.Read(runtime.State), s_json));
        app.MapGet("/api/events", (HttpContext context) => DashboardEvents.Stream(context, runtime, options.RefreshInterval, s_json, app.Lifetime.ApplicationStopping));
        app.MapGet("/api/timeline", () =>
        {
            // Written to memory first: Kestrel refuses the synchronous writes of the trace writer.
            using var trace = new MemoryStream();
            runtime.WriteTimeline(trace);
            return Results.File(trace.ToArray(), "application/json", "timeline.json");
        });
    }
}
