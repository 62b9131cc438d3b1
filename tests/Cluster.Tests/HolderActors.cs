using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Cluster.Tests;

/// <summary>An actor that records when it ends (is disposed): the stand-in for "the actor process exited" in Ray's lifetime tests.</summary>
[RayRemote]
public sealed partial class HeldProbe : IDisposable
{
    /// <summary>Keys of the probes that ended, with the node they ran on.</summary>
    public static readonly ConcurrentDictionary<string, string> Ended = new();

    private readonly string _key;
    private readonly string _node;

    public HeldProbe(string key)
    {
        _key = key;
        _node = Ray.GetRuntimeContext().NodeId;
    }

    public string Where() => Ray.GetRuntimeContext().NodeId;

    public void Dispose() => Ended[_key] = _node;
}

/// <summary>Tasks that keep a handle on the node that runs them, call it, and let it go.</summary>
public static partial class HolderTasks
{
    private static readonly Lock Sync = new();
    private static readonly List<HeldProbe.Handle> Kept = [];

    /// <summary>Keeps <paramref name="probe"/> on this node (a static list); returns this node's id.</summary>
    [RayRemote]
    public static string Keep(HeldProbe.Handle probe)
    {
        lock (Sync)
        {
            Kept.Add(probe);
        }

        return Ray.GetRuntimeContext().NodeId;
    }

    /// <summary>Calls the kept probe from this node; returns the node the probe runs on.</summary>
    [RayRemote]
    public static string CallKept()
    {
        HeldProbe.Handle probe;
        lock (Sync)
        {
            probe = Kept[^1];
        }

        return probe.Where().Get(TimeSpan.FromSeconds(30));
    }

    /// <summary>Drops every kept handle.</summary>
    [RayRemote]
    public static int Drop()
    {
        lock (Sync)
        {
            var count = Kept.Count;
            Kept.Clear();
            return count;
        }
    }
}
