using System.Collections.Generic;

namespace RaySharp;

public static partial class Ray
{
    /// <summary>
    /// What the current runtime's object store holds (Ray's state API and <c>ray memory</c>). Only tracked objects are
    /// listed and counted: those larger than <see cref="RayOptions.InlineObjectMaxBytes"/>.
    /// </summary>
    public static class State
    {
        /// <summary>The live tracked objects, oldest first: id, size, type, location and holders.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        public static IReadOnlyList<ObjectInfo> Objects() => RayRuntime.Current.Backend.ObjectsInStore();

        /// <summary>The store's totals: bytes used and the cap, bytes spilled, object counts.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        public static ObjectStoreMemoryInfo Memory() => RayRuntime.Current.Backend.StoreMemory();
    }
}
