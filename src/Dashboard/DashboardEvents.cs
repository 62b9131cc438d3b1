using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace RaySharp.Dashboard;

/// <summary>
/// <c>/api/events</c>: the snapshot as server-sent events. Every refresh interval it reads the state and pushes a
/// <c>data:</c> event when anything on the page would change, and at least every <see cref="Heartbeat"/> (so the
/// page's "updated" time moves and a dead connection shows). Ends when the page goes or the dashboard stops.
/// </summary>
internal static class DashboardEvents
{
    /// <summary>The longest time between two events when nothing changes.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    public static async Task Stream(HttpContext context, RayRuntime runtime, TimeSpan interval, JsonSerializerOptions json, CancellationToken stopping)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellation = both.Token;
        using var timer = new PeriodicTimer(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(1));
        string? sent = null;
        var sentAt = 0L;
        try
        {
            // The retry field tells the browser how soon to reconnect after a drop.
            await response.WriteAsync($"retry: {(int)Math.Max(interval.TotalMilliseconds, 100)}\n\n", cancellation).ConfigureAwait(false);
            do
            {
                var snapshot = DashboardSnapshot.Read(runtime.State);
                var content = JsonSerializer.Serialize(snapshot with { Time = default }, json);
                if (content != sent || Stopwatch.GetElapsedTime(sentAt) >= Heartbeat)
                {
                    sent = content;
                    sentAt = Stopwatch.GetTimestamp();
                    await response.WriteAsync("data: " + JsonSerializer.Serialize(snapshot, json) + "\n\n", cancellation).ConfigureAwait(false);
                    await response.Body.FlushAsync(cancellation).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The page closed, or the dashboard stops.
        }
    }
}
