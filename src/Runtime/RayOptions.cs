using System;
using System.Collections.Generic;
using MessagePack;
using Microsoft.Extensions.Logging;
using RaySharp.Scheduling;

namespace RaySharp;

/// <summary>How a runtime starts, as the arguments of Ray's <c>ray.init()</c>.</summary>
public sealed class RayOptions
{
    /// <summary>CPUs the scheduler hands out; fractions allowed. Default: <see cref="Environment.ProcessorCount"/>. May exceed the machine's cores, as in Ray.</summary>
    public double? NumCpus { get; init; }

    /// <summary>GPUs the scheduler hands out. Default 0.</summary>
    public double NumGpus { get; init; }

    /// <summary>
    /// Bytes of the <c>memory</c> resource that tasks and actors reserve with <see cref="TaskOptions.Memory"/> and
    /// <see cref="ActorOptions.Memory"/>, shown as <c>"memory"</c> by <see cref="Ray.ClusterResources"/>. Default, as
    /// in Ray: the memory available to the process less the object store's share (<see cref="ObjectStoreMemory"/>),
    /// about 70% of it. Must be 0 or more.
    /// </summary>
    public long? Memory { get; init; }

    /// <summary>Custom resources (name → amount, fractions allowed) that tasks can ask for.</summary>
    public IReadOnlyDictionary<string, double>? Resources { get; init; }

    /// <summary>
    /// The most bytes the object store holds in memory; over it, the least recently used objects are spilled to disk.
    /// Default: 30% of the memory available to the process, as in Ray. Objects of at most <see cref="InlineObjectMaxBytes"/> are not counted.
    /// </summary>
    public long? ObjectStoreMemory { get; init; }

    /// <summary>
    /// Where spilled objects go: each runtime writes into its own subdirectory <c>raysharp-spill-{id}</c> of this
    /// directory, and deletes it at shutdown. Default: <see cref="System.IO.Path.GetTempPath"/>.
    /// </summary>
    public string? ObjectSpillingDirectory { get; init; }

    /// <summary>The most bytes of spill files on disk; null (the default) leaves only the disk as the limit.
    /// When memory and this limit are both exhausted, <see cref="Ray.Put{T}"/> throws <see cref="ObjectStoreFullException"/>.</summary>
    public long? ObjectSpillingMaxBytes { get; init; }

    /// <summary>
    /// Objects whose accounted size is at most this many bytes are kept inline, as Ray keeps small objects in the
    /// owner's in-process store: freed by the GC like any value, but not counted against
    /// <see cref="ObjectStoreMemory"/>, never spilled, and not listed by <see cref="Ray.State"/>. Default 100 KiB
    /// (Ray's <c>max_direct_call_object_size</c>). Set 0 to track every non-null object, at about 0.75 µs more per object.
    /// </summary>
    public long? InlineObjectMaxBytes { get; init; }

    /// <summary>
    /// MessagePack resolvers for this runtime only, asked before the process-wide ones that generated code registers:
    /// formatters for types the generator never sees (a library's types, say) that values stored or passed in this
    /// runtime contain. Two runtimes in one process can serialize the same type differently. Default: none.
    /// </summary>
    public IReadOnlyList<IFormatterResolver> FormatterResolvers { get; init; } = [];

    /// <summary>
    /// The namespace of named actors that set none (Ray's <c>ray.init(namespace=…)</c>): actors created with a
    /// <see cref="ActorOptions.Name"/> and no <see cref="ActorOptions.Namespace"/> live in it, and
    /// <see cref="Ray.GetActor{THandle}(string, string?)"/> without a namespace looks in it. Null (the default) is this
    /// runtime's own anonymous namespace, as Ray gives each job one. Must not be empty.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Whether the runtime records task events (Ray's <c>enable_task_events</c>): the history behind
    /// <see cref="RuntimeState.Tasks"/>, <see cref="RuntimeState.SummarizeTasks"/>, <see cref="RayRuntime.WriteTimeline"/>
    /// and the task metrics. Recording takes no lock and allocates nothing (bounded rings per thread); it makes a stream
    /// of trivial tasks about 2% slower (docs/benchmarks.md). Default true, as in Ray; false leaves the state API
    /// without tasks, the timeline empty and the task metrics at 0, for one null check per event.
    /// </summary>
    public bool EnableTaskEvents { get; init; } = true;

    /// <summary>
    /// Whether task events read the precise clock (<see cref="System.Diagnostics.Stopwatch"/>, sub-microsecond) for
    /// each submission, start and end. Default false: they read a clock refreshed about every millisecond, which costs
    /// nothing per task, so the state API's times are exact to about a millisecond (Ray's are in milliseconds too) and
    /// the timeline draws tasks shorter than that as thin slices. Turn it on to time short tasks in the timeline; each
    /// task then pays for two or three clock calls (30–40 ns each on a VM, docs/benchmarks.md).
    /// </summary>
    public bool PreciseTaskTimes { get; init; }

    /// <summary>
    /// The address (<c>host:port</c>, an Orleans gateway of a RaySharp cluster) to join as a driver, as Ray's
    /// <c>ray.init(address=…)</c>; <see cref="Ray.Init"/> also reads the <c>RAY_ADDRESS</c> environment variable when this
    /// is null. Null (the default, without <c>RAY_ADDRESS</c>): the runtime runs in this process alone. Joining needs the
    /// RaySharp.Cluster package; the driver runs no tasks itself (it has no CPUs), its tasks run on the cluster's nodes.
    /// </summary>
    public string? Address { get; init; }

    /// <summary>
    /// The cluster token a driver presents when it joins a cluster at <see cref="Address"/> (the token the head node
    /// printed); null (the default) reads the <c>RAY_CLUSTER_TOKEN</c> environment variable. A cluster started with a
    /// token refuses a driver without it, naming this fix. Unused without an address.
    /// </summary>
    public string? ClusterToken { get; init; }

    /// <summary>When true, <see cref="Ray.Init"/> on a running runtime returns it instead of throwing (Ray's <c>ignore_reinit_error</c>).</summary>
    public bool IgnoreReinitError { get; init; }

    /// <summary>
    /// Where the runtime logs what an operator needs to know (actor restarts and deaths, task failures and retries,
    /// spills and a full object store, cluster nodes joining and dying), under the <see cref="RayLogCategories"/>
    /// categories. Null (the default) logs nothing, at no cost. <c>services.AddRaySharp</c> (RaySharp.Hosting) and
    /// <c>AddRaySharpNode</c> (RaySharp.Cluster) set it to the host's factory when it is null.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get => _loggerFactory; init => _loggerFactory = value; }

    private ILoggerFactory? _loggerFactory;

    /// <summary>A copy of these options that logs to <paramref name="factory"/>; these options when they already name a factory.</summary>
    internal RayOptions WithDefaultLoggerFactory(ILoggerFactory? factory)
    {
        if (_loggerFactory is not null || factory is null)
        {
            return this;
        }

        var copy = (RayOptions)MemberwiseClone();
        copy._loggerFactory = factory;
        return copy;
    }

    internal ResourceRequest Capacity()
    {
        var custom = new Dictionary<string, double>(Resources ?? new Dictionary<string, double>());
        if (NumGpus != 0)
        {
            custom[ResourceRequest.Gpu] = NumGpus;
        }

        var memory = MemoryBytes();
        if (memory > 0)
        {
            custom[ResourceRequest.Memory] = memory;
        }

        return ResourceRequest.Create(NumCpus ?? Environment.ProcessorCount, custom, "RayOptions resource");
    }

    internal long MemoryBytes()
    {
        if (Memory is { } bytes)
        {
            return bytes >= 0 ? bytes : throw new ArgumentException($"RayOptions.Memory is a number of bytes and must be 0 or more, not {bytes}; leave it null for Ray's default.");
        }

        return Math.Max(0, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - ObjectStoreBytes());
    }

    internal long ObjectStoreBytes()
    {
        if (ObjectStoreMemory is { } bytes)
        {
            return bytes > 0 ? bytes : throw new ArgumentException($"RayOptions.ObjectStoreMemory must be positive, not {bytes}.");
        }

        return (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.3);
    }

    internal long? SpillingMaxBytes() =>
        ObjectSpillingMaxBytes is { } bytes && bytes < 0
            ? throw new ArgumentException($"RayOptions.ObjectSpillingMaxBytes must be 0 (no spilling) or more, not {bytes}; leave it null for no limit.")
            : ObjectSpillingMaxBytes;

    internal long InlineBytes() =>
        InlineObjectMaxBytes is { } bytes && bytes < 0
            ? throw new ArgumentException($"RayOptions.InlineObjectMaxBytes must be 0 or more, not {bytes}.")
            : InlineObjectMaxBytes ?? 100 * 1024;

    internal string SpillParent() =>
        ObjectSpillingDirectory is { } directory
            ? (directory.Trim().Length > 0 ? directory : throw new ArgumentException("RayOptions.ObjectSpillingDirectory must name a directory; leave it null for the temp directory."))
            : System.IO.Path.GetTempPath();
}
