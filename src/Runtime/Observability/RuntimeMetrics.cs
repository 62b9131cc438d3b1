using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using RaySharp.Backend;

namespace RaySharp.Observability;

/// <summary>
/// A runtime's <see cref="Meter"/> (named <see cref="RayTelemetry.MeterName"/>). Every instrument is observable: it
/// reads counts the runtime keeps anyway (the task event rings, the store's totals, the actors' restarts) when a
/// listener collects, so the hot path pays nothing for the metrics. Each measurement carries the node id.
/// </summary>
internal sealed class RuntimeMetrics : IDisposable
{
    private readonly Meter _meter = new(RayTelemetry.MeterName, typeof(RuntimeMetrics).Assembly.GetName().Version?.ToString());
    private readonly IRayBackend _backend;
    private readonly KeyValuePair<string, object?> _node;

    public RuntimeMetrics(IRayBackend backend)
    {
        _backend = backend;
        _node = new(RayTelemetry.NodeIdTag, backend.NodeId);
        _meter.CreateObservableCounter("raysharp.tasks.submitted", () => Measure(_backend.TaskCounters().Submitted), "{task}", "Tasks and actor calls submitted (needs RayOptions.EnableTaskEvents).");
        _meter.CreateObservableCounter("raysharp.tasks.finished", () => Measure(_backend.TaskCounters().Finished), "{task}", "Tasks and actor calls that returned.");
        _meter.CreateObservableCounter("raysharp.tasks.failed", () => Measure(_backend.TaskCounters().Failed), "{task}", "Tasks and actor calls that failed (after their retries).");
        _meter.CreateObservableCounter("raysharp.tasks.cancelled", () => Measure(_backend.TaskCounters().Cancelled), "{task}", "Tasks and actor calls cancelled.");
        _meter.CreateObservableUpDownCounter("raysharp.tasks.queued", () => Measure(_backend.TaskCounters().Queued), "{task}", "Tasks submitted that have not started yet: waiting for arguments, resources or their actor.");
        _meter.CreateObservableUpDownCounter("raysharp.store.bytes", () => Measure(_backend.StoreMemory().UsedBytes), "By", "Bytes of the tracked objects in memory.");
        _meter.CreateObservableUpDownCounter("raysharp.store.spilled_bytes", () => Measure(_backend.StoreMemory().SpilledBytes), "By", "Bytes of the spill files of live objects.");
        _meter.CreateObservableCounter("raysharp.store.spills", () => Measure(_backend.StoreMemory().SpillCount), "{object}", "Objects spilled to disk since the runtime started.");
        _meter.CreateObservableCounter("raysharp.actors.restarts", () => Measure(_backend.Actors().Sum(a => (long)a.Restarts)), "{restart}", "Actor restarts since the runtime started.");
    }

    public void Dispose() => _meter.Dispose();

    private Measurement<long> Measure(long value) => new(value, _node);
}
