namespace RaySharp.Objects.Store;

/// <summary>
/// Who made a tracked object, for <see cref="ObjectInfo.OwnerTaskId"/> and <see cref="ObjectInfo.Owner"/>: the task that
/// returned it (its entry's producer until the result is published) or put it, else the driver.
/// </summary>
internal readonly record struct ObjectCreator(TaskId? TaskId, string Name)
{
    public const string Driver = "driver";

    public static ObjectCreator Of(ObjectRef entry) =>
        entry.Producer is ITaskIdentity producer ? new(producer.Id, producer.Name)
        : BlockingScope.Current is ITaskIdentity current ? new(current.Id, current.Name)
        : new(null, Driver);
}
