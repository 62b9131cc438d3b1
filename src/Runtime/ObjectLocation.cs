namespace RaySharp;

/// <summary>Where a stored object's value is now.</summary>
public enum ObjectLocation
{
    /// <summary>In this process's memory, counted against <see cref="RayOptions.ObjectStoreMemory"/>.</summary>
    Memory,

    /// <summary>Spilled to a file in the spill directory; the next read restores it.</summary>
    Spilled,
}
