namespace RaySharp.Objects;

/// <summary>A task as the state API names it: what made an object (<see cref="Store.ObjectCreator"/>).</summary>
internal interface ITaskIdentity
{
    TaskId Id { get; }

    string Name { get; }
}
