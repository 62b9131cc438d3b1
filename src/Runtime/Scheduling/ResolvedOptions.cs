using System;
using System.Collections.Generic;

namespace RaySharp.Scheduling;

/// <summary>Per-call options over the declaration's, with every default filled in and resources in scheduler units.</summary>
internal sealed class ResolvedOptions
{
    private ResolvedOptions(TaskOptions? callOptions, TaskOptions defaults, ResourceRequest request, int maxRetries, RetryExceptions retryExceptions, string? name, string? concurrencyGroup)
    {
        CallOptions = callOptions;
        Defaults = defaults;
        Request = request;
        MaxRetries = maxRetries;
        RetryExceptions = retryExceptions;
        Name = name;
        ConcurrencyGroup = concurrencyGroup;
    }

    /// <summary>The per-call options these were resolved from, or null when they are the declaration's own (a spec's <see cref="CompilerServices.TaskSpec.Options"/>).</summary>
    public TaskOptions? CallOptions { get; }

    /// <summary>The declaration's options these were resolved against (the cache key).</summary>
    public TaskOptions Defaults { get; }

    public ResourceRequest Request { get; }

    public int MaxRetries { get; }

    public RetryExceptions RetryExceptions { get; }

    public string? Name { get; }

    /// <summary>The concurrency group of an actor call; null for the actor's default group.</summary>
    public string? ConcurrencyGroup { get; }

    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static ResolvedOptions Create(TaskOptions options, TaskOptions defaults)
    {
        var cpus = options.NumCpus ?? defaults.NumCpus ?? 1;
        var gpus = options.NumGpus ?? defaults.NumGpus ?? 0;
        if (gpus > 1 && gpus != Math.Floor(gpus))
        {
            throw new ArgumentException(
                $"NumGpus = {gpus.ToString(System.Globalization.CultureInfo.InvariantCulture)} asks for a fraction above one GPU; GPUs are whole units, shared only by requests of at most 1 "
                + "(as in Ray: quantities above 1 must be whole numbers). Ask for a whole number of GPUs, or for at most 1.", nameof(options));
        }

        var resources = options.Resources ?? defaults.Resources;
        var memory = options.Memory ?? defaults.Memory ?? 0;
        if (memory < 0)
        {
            throw new ArgumentException($"Memory is a number of bytes and must be 0 or more, not {memory}.", nameof(options));
        }

        var maxRetries = options.MaxRetries ?? defaults.MaxRetries ?? 3;
        if (maxRetries < -1)
        {
            throw new ArgumentException($"MaxRetries must be -1 (retry forever) or at least 0, not {maxRetries}.", nameof(options));
        }

        var custom = new Dictionary<string, double>(resources ?? new Dictionary<string, double>());
        if (gpus != 0)
        {
            custom[ResourceRequest.Gpu] = gpus;
        }

        if (memory != 0)
        {
            custom[ResourceRequest.Memory] = memory;
        }

        var request = ResourceRequest.Create(cpus, custom, "task option");
        return new ResolvedOptions(ReferenceEquals(options, defaults) ? null : options, defaults, request, maxRetries, options.RetryExceptions ?? defaults.RetryExceptions ?? RetryExceptions.None, options.Name ?? defaults.Name,
            options.ConcurrencyGroup ?? defaults.ConcurrencyGroup);
    }
}
