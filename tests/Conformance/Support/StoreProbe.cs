using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Xunit;

namespace RaySharp.Conformance.Support;

/// <summary>
/// test_reference_counting.py's <c>object_exists</c> and <c>_fill_object_store_and_get</c>, through
/// <see cref="Ray.State.Objects"/>. RaySharp counts refs with the GC, so each check runs full collections first.
/// </summary>
internal static class StoreProbe
{
    /// <summary>Full blocking collections, with finalizers (the store's leases) run in between.</summary>
    public static void CollectGarbage()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    /// <summary>Whether the store lists the object now.</summary>
    public static bool Exists(ObjectId id) => Ray.State.Objects().Any(o => o.Id == id);

    /// <summary>Ray's <c>_fill_object_store_and_get(obj)</c>: after collections, the object is (or becomes) listed.</summary>
    public static void AwaitPinned(ObjectId id) => Await(() => Exists(id), $"Object {id} is not in the store");

    /// <summary>Ray's <c>_fill_object_store_and_get(obj, succeed=False)</c>: collections until none of the objects is listed.</summary>
    public static void AwaitReleased(params ObjectId[] ids) =>
        Await(() => !Ray.State.Objects().Any(o => ids.Contains(o.Id)), $"Objects {string.Join(", ", ids)} were not released");

    private static void Await(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            CollectGarbage();
            if (condition())
            {
                return;
            }

            Assert.True(clock.Elapsed < Bounds.Must, failure);
            Thread.Yield();
        }
    }
}
