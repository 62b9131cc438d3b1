using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace RaySharp.Dashboard.Tests;

/// <summary>The page follows the runtime through server-sent events (<c>/api/events</c>), with no reload and no polling.</summary>
public sealed class LiveUpdateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [ChromiumFact]
    public async Task The_counts_and_objects_update_on_the_open_page_from_the_event_stream()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 2, EnableTaskEvents = true });
        using var current = runtime.MakeCurrent();
        await using var dashboard = await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0, RefreshInterval = TimeSpan.FromMilliseconds(100) });
        Assert.Equal([1, 4], Ray.Get([Work.Remote.Square(1), Work.Remote.Square(2)]));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { Headless = true, ExecutablePath = ChromiumFactAttribute.ChromiumPath });
        var page = await browser.NewPageAsync();
        var polls = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/snapshot", StringComparison.Ordinal))
            {
                polls++;
            }
        };
        SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        await page.GotoAsync(dashboard.Url.ToString());
        await Expect(page.Locator(".count[data-state=FINISHED] span")).ToHaveTextAsync("2");
        await page.EvaluateAsync("() => { window.loadedOnce = 'yes'; }"); // a reload would lose it

        Assert.Equal([9, 16, 25], Ray.Get([Work.Remote.Square(3), Work.Remote.Square(4), Work.Remote.Square(5)]));
        var big = Ray.Put(new byte[256 * 1024]);

        await Expect(page.Locator(".count[data-state=FINISHED] span")).ToHaveTextAsync("5");
        var objectRow = page.Locator($"#objects tr[data-object-id='{big.Id}']");
        await Expect(objectRow.Locator(".owner")).ToHaveTextAsync("driver");
        await Expect(objectRow.Locator(".reference")).ToHaveTextAsync("LOCAL_REFERENCE");
        Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.loadedOnce"));
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-mode", "stream");
        Assert.Equal(0, polls);
        GC.KeepAlive(big);
    }

    [Fact]
    public async Task The_event_stream_pushes_a_snapshot_then_another_when_a_task_finishes_and_ends_when_the_dashboard_stops()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1, EnableTaskEvents = true });
        using var current = runtime.MakeCurrent();
        var dashboard = await RayDashboard.StartAsync(runtime, new DashboardOptions { Port = 0, RefreshInterval = TimeSpan.FromMilliseconds(50) });
        using var http = new HttpClient { BaseAddress = dashboard.Url, Timeout = Timeout };
        using var response = await http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal(0, FinishedIn(await NextEventAsync(events).WaitAsync(Timeout)));
        Assert.Equal(36, Work.Remote.Square(6).Get(Timeout));
        // Pushed without asking: events come until one shows the task finished (one may show it pending or running first).
        while (FinishedIn(await NextEventAsync(events).WaitAsync(Timeout)) != 1)
        {
        }

        var stopping = Stopwatch.StartNew();
        await dashboard.DisposeAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed} with a stream open");
        await events.ReadToEndAsync().WaitAsync(Timeout); // the stream ended rather than hanging
    }

    private static async Task<JsonElement> NextEventAsync(StreamReader events)
    {
        while (await events.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var snapshot = JsonDocument.Parse(line["data: ".Length..]);
                return snapshot.RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The event stream ended before an event came.");
    }

    private static int FinishedIn(JsonElement snapshot) => snapshot.GetProperty("taskCounts").GetProperty("FINISHED").GetInt32();
}
