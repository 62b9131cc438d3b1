using System;
using RaySharp.Objects.Store;

namespace RaySharp.Coyote;

/// <summary>
/// The store's leases as the GC finalizes them, kept instead of released: release runs on the finalizer thread, which
/// Coyote cannot schedule, so the races take a dead object's record from here and run the store's release entry
/// (<c>ObjectStore.Release</c>) themselves, as an operation Coyote controls.
/// </summary>
internal static class FinalizedLeases
{
    private static Node? s_finalized; // written by the finalizer thread only; read after WaitForPendingFinalizers

    public static void Install()
    {
        s_finalized = null;
        StoreLease.FinalizedOverride = static record => s_finalized = new Node(record, s_finalized);
    }

    /// <summary>Collects (at most 10 full collections) until the lease of object <paramref name="id"/> was finalized; its record, or null.</summary>
    public static StoredObject? CollectUntil(ObjectId id)
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            for (var node = s_finalized; node is not null; node = node.Next)
            {
                if (node.Record.Id == id)
                {
                    return node.Record;
                }
            }
        }

        return null;
    }

    /// <summary>Collects, then releases every finalized record of <paramref name="store"/>, as the finalizer would have.</summary>
    public static void CollectAndReleaseAll(ObjectStore store)
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        for (var node = s_finalized; node is not null; node = node.Next)
        {
            if (ReferenceEquals(node.Record.Store, store))
            {
                store.Release(node.Record);
            }
        }
    }

    private sealed record Node(StoredObject Record, Node? Next);
}
