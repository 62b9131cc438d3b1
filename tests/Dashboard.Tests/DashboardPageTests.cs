using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace RaySharp.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser (headless Chromium through Playwright): a runtime runs tasks (one failing, one still
/// running) and an actor, and the page shows what a person would look for.
/// </summary>
public sealed class DashboardPageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [ChromiumFact]
    public async Task The_page_shows_task_counts_the_failed_tasks_error_the_actor_and_the_nodes_resources()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 2, EnableTaskEvents = true });
        using var current = runtime.MakeCurrent();
        await using var dashboard = await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0, RefreshInterval = TimeSpan.FromMilliseconds(200) });
        Assert.Equal([1, 4, 9], Ray.Get([Work.Remote.Square(1), Work.Remote.Square(2), Work.Remote.Square(3)]));
        var failed = Work.Remote.Explode(7);
        Assert.Throws<RayTaskException>(() => failed.Get(Timeout));
        var tally = Tally.Remote.WithOptions(new ActorOptions { Name = "tally" }).New();
        Assert.Equal(5, tally.Add(5).Get(Timeout));
        var big = Ray.Put(new byte[256 * 1024]); // tracked (over 100 KiB), so the objects table lists it
        Work.Gate.Reset();
        var held = Work.Remote.Hold(); // holds one of the two CPUs while the page is read

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { Headless = true, ExecutablePath = ChromiumFactAttribute.ChromiumPath });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
        SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        await page.GotoAsync(dashboard.Url.ToString());

        await Expect(page.Locator(".count[data-state=FINISHED] span")).ToHaveTextAsync("5"); // 3 squares, the actor's creation and its call
        await Expect(page.Locator(".count[data-state=FAILED] span")).ToHaveTextAsync("1");
        await Expect(page.Locator(".count[data-state=RUNNING] span")).ToHaveTextAsync("1");
        var failedRow = page.Locator("#failed tbody tr");
        await Expect(failedRow).ToHaveCountAsync(1);
        await Expect(failedRow).ToContainTextAsync("RaySharp.Dashboard.Tests.Work.Explode");
        await Expect(failedRow).ToContainTextAsync("System.InvalidOperationException");
        await Expect(failedRow).ToContainTextAsync("exploded on 7");
        var actorRow = page.Locator($"#actors tr[data-actor-id='{tally.Id}']");
        await Expect(actorRow).ToContainTextAsync("Tally");
        await Expect(actorRow).ToContainTextAsync("tally");
        await Expect(actorRow).ToContainTextAsync("ALIVE");
        var node = runtime.State.Nodes().Single();
        await Expect(page.Locator($".node[data-node-id='{node.NodeId}'] .resource[data-resource=CPU]")).ToContainTextAsync("1 / 2 used");
        await Expect(page.Locator("#status")).ToContainTextAsync("live");
        await Expect(page.Locator("#objects tbody tr")).ToContainTextAsync("256.0 KiB");
        await Expect(page.Locator("#objects tbody tr")).ToContainTextAsync("System.Byte[]");
        await Expect(page.Locator("#timeline")).ToHaveAttributeAsync("href", "/api/timeline");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");
        if (Environment.GetEnvironmentVariable("RAY_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, Path.Combine(RepositoryRoot(), "docs", "images", "dashboard.png"), overwrite: true);
        }

        Work.Gate.Set();
        Assert.True(held.Get(Timeout));
        GC.KeepAlive(big);
        await Expect(page.Locator(".count[data-state=RUNNING] span")).ToHaveTextAsync("0"); // live: the page follows the runtime
        await Expect(page.Locator(".count[data-state=FINISHED] span")).ToHaveTextAsync("6");
    }

    [Fact]
    public async Task The_timeline_downloads_as_a_chrome_trace_and_the_api_is_read_only()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 2, EnableTaskEvents = true });
        using var current = runtime.MakeCurrent();
        await using var dashboard = await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0 });
        Assert.Equal(16, Work.Remote.Square(4).Get(Timeout));
        using var http = new HttpClient { BaseAddress = dashboard.Url };

        using var timeline = await http.GetAsync(new Uri("/api/timeline", UriKind.Relative));
        Assert.Equal("timeline.json", timeline.Content.Headers.ContentDisposition?.FileNameStar ?? timeline.Content.Headers.ContentDisposition?.FileName);
        using var trace = JsonDocument.Parse(await timeline.Content.ReadAsStringAsync());
        Assert.Contains(trace.RootElement.GetProperty("traceEvents").EnumerateArray(), e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("name").GetString() == "RaySharp.Dashboard.Tests.Work.Square");

        using var post = await http.PostAsync(new Uri("/api/snapshot", UriKind.Relative), new StringContent(""));
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html.Replace(dashboard.Url.ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing from a CDN
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binding_beyond_loopback_warns_and_a_bad_host_is_refused()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1, EnableTaskEvents = true });
        string? warning = null;

        await using (var open = await RayDashboard.StartAsync(runtime, new DashboardOptions { Host = "0.0.0.0", Port = 0, Warn = message => warning = message }))
        {
            Assert.Contains("beyond this machine's loopback", warning, StringComparison.Ordinal);
        }

        warning = null;
        await using (var local = await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0, Warn = message => warning = message }))
        {
            Assert.Null(warning);
            Assert.Equal("127.0.0.1", local.Url.Host);
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RayDashboard.StartAsync(runtime, new DashboardOptions { Host = "example" }));
        Assert.Contains("IP address or 'localhost'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 70_000 }));
    }

    [Fact]
    public async Task A_runtime_without_task_events_is_named_with_the_fix()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1, EnableTaskEvents = false });
        string? warning = null;

        await using (await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0, Warn = message => warning = message }))
        {
            Assert.Contains("EnableTaskEvents = true", warning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_taken_port_is_named_with_the_fix()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1, EnableTaskEvents = true });
        await using var first = await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0 });

        var error = await Assert.ThrowsAsync<IOException>(() => RayDashboard.StartAsync(runtime, new DashboardOptions { Port = first.Url.Port }));

        Assert.Contains("DashboardOptions.Port", error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
