using Microsoft.Extensions.Logging;

namespace RaySharp.Observability.Logging;

/// <summary>What <see cref="RayLogCategories.ObjectStore"/> logs: spills, restores, a full store.</summary>
internal static partial class ObjectStoreLog
{
    [LoggerMessage(EventId = 3000, EventName = "ObjectSpilled", Level = LogLevel.Debug,
        Message = "Spilled object {ObjectId} ({SizeBytes} bytes in memory, {SpilledBytes} on disk) to {SpillPath}; memory in use {UsedBytes} of {CapacityBytes} bytes")]
    public static partial void ObjectSpilled(this ILogger logger, ObjectId objectId, long sizeBytes, long spilledBytes, string spillPath, long usedBytes, long capacityBytes);

    [LoggerMessage(EventId = 3001, EventName = "ObjectRestored", Level = LogLevel.Debug, Message = "Restored object {ObjectId} ({SizeBytes} bytes) from disk")]
    public static partial void ObjectRestored(this ILogger logger, ObjectId objectId, long sizeBytes);

    [LoggerMessage(EventId = 3002, EventName = "ObjectStoreFull", Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void StoreFull(this ILogger logger, string message);

    [LoggerMessage(EventId = 3003, EventName = "ResultOverCapacity", Level = LogLevel.Warning,
        Message = "A result of {SizeBytes} bytes does not fit the object store ({UsedBytes} of {CapacityBytes} bytes in use, nothing left to spill); it is kept in memory over the cap. Raise RayOptions.ObjectStoreMemory or drop refs you no longer need")]
    public static partial void ResultOverCapacity(this ILogger logger, long sizeBytes, long usedBytes, long capacityBytes);
}
