using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RaySharp.Tests.Store;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests.Observability;

/// <summary>The runtime's Meter and ActivitySource, read through OpenTelemetry's in-memory exporter as an application would.</summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly ActivitySource Driver = new("RaySharp.Tests.Driver");

    [Fact]
    public void Spans_follow_a_call_from_the_submitter_into_the_task_and_its_nested_task()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(RayTelemetry.ActivitySourceName, Driver.Name)
            .AddInMemoryExporter(spans)
            .Build();
        using var ray = TestRuntime.Start();
        var child = Fn.Of(_ => 2, name: "Traced.Child");
        var parent = Fn.Of(_ => child.Remote().Get(Timeout) * 10, name: "Traced.Parent");
        ActivityTraceId trace;

        using (var root = Driver.StartActivity("driver"))
        {
            trace = root!.TraceId;
            Assert.Equal(20, parent.Remote().Get(Timeout));
        }

        // Stop listening before reading: other tests' runtimes report on the same source and would add to the list meanwhile.
        tracing!.Dispose();
        var mine = spans.Where(s => s.TraceId == trace).ToDictionary(s => s.DisplayName);
        Assert.Equal(["driver", "run Traced.Child", "run Traced.Parent", "submit Traced.Child", "submit Traced.Parent"], mine.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(mine["driver"].SpanId, mine["submit Traced.Parent"].ParentSpanId);
        Assert.Equal(mine["submit Traced.Parent"].SpanId, mine["run Traced.Parent"].ParentSpanId);
        Assert.Equal(mine["run Traced.Parent"].SpanId, mine["submit Traced.Child"].ParentSpanId);
        Assert.Equal(mine["submit Traced.Child"].SpanId, mine["run Traced.Child"].ParentSpanId);
        Assert.Equal(ActivityKind.Producer, mine["submit Traced.Parent"].Kind);
        Assert.Equal(ActivityKind.Consumer, mine["run Traced.Parent"].Kind);
        Assert.Equal("Traced.Child", mine["run Traced.Child"].GetTagItem("raysharp.task.name"));
        Assert.Equal(Ray.State.Nodes().Single().NodeId, mine["run Traced.Child"].GetTagItem("raysharp.node.id"));
    }

    [Fact]
    public void A_failed_task_ends_its_span_with_an_error_status()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(RayTelemetry.ActivitySourceName, Driver.Name).AddInMemoryExporter(spans).Build();
        using var ray = TestRuntime.Start();
        ActivityTraceId trace;

        using (var root = Driver.StartActivity("driver"))
        {
            trace = root!.TraceId;
            var failed = Fn.Of<int>(_ => throw new InvalidOperationException("traced failure"), name: "Traced.Fail").Remote();
            Assert.Throws<RayTaskException>(() => failed.Get(Timeout));
        }

        tracing!.Dispose();
        var run = spans.Single(s => s.TraceId == trace && s.DisplayName == "run Traced.Fail");
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("traced failure", run.StatusDescription);
        Assert.Equal("System.InvalidOperationException", run.GetTagItem("exception.type"));
    }

    [Fact]
    public void The_meter_counts_tasks_store_bytes_spills_and_actor_restarts_per_node()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(RayTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        using var store = StoreRuntime.Start(capacity: 2_500, inlineMax: 100);
        var node = Ray.State.Nodes().Single().NodeId;
        var ok = Fn.Of(_ => 1);
        Assert.Equal([1, 1, 1], Ray.Get(new[] { ok.Remote(), ok.Remote(), ok.Remote() }));
        var failed = Fn.Of<int>(_ => throw new InvalidOperationException("no")).Remote();
        Assert.Throws<RayTaskException>(() => failed.Get(Timeout));
        var kept = new[] { Ray.Put(new byte[1_000]), Ray.Put(new byte[1_000]), Ray.Put(new byte[1_000]) }; // the third spills the first
        var actor = CounterHandle.New(0, new ActorOptions { MaxRestarts = 1 });
        Assert.Equal(1, actor.Increment(1).Get(Timeout));
        Ray.Kill(actor, noRestart: false);
        Assert.Equal(1, actor.Increment(1).Get(Timeout)); // a new instance, constructed again from 0

        meters!.ForceFlush();

        Assert.Equal(8, Value(metrics, "raysharp.tasks.submitted", node)); // 4 tasks, 2 calls, and the constructor twice (a restart runs it again)
        Assert.Equal(1, Value(metrics, "raysharp.tasks.failed", node));
        Assert.Equal(0, Value(metrics, "raysharp.tasks.queued", node));
        Assert.Equal(2_000, Value(metrics, "raysharp.store.bytes", node));
        Assert.Equal(Ray.State.Memory().UsedBytes, Value(metrics, "raysharp.store.bytes", node));
        Assert.Equal(1, Value(metrics, "raysharp.store.spills", node));
        Assert.Equal(1, Value(metrics, "raysharp.actors.restarts", node));
        GC.KeepAlive(kept);
    }

    /// <summary>The latest value of a metric's point for one node (other tests' runtimes report on the same meter name).</summary>
    private static long Value(List<Metric> metrics, string name, string node)
    {
        // Each runtime has its own Meter, so the export holds one metric of this name per live runtime.
        foreach (var metric in Enumerable.Reverse(metrics).Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    if (tag.Key == RayTelemetry.NodeIdTag && (string?)tag.Value == node)
                    {
                        return point.GetSumLong();
                    }
                }
            }
        }

        throw new InvalidOperationException($"{name} has no point for node {node}.");
    }
}
