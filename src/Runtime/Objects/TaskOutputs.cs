namespace RaySharp.Objects;

/// <summary>
/// What one submitted task or actor call fills: the entry of its first result, and the rarer extra results or
/// stream. The typed edge (<see cref="Backend.Submitter"/>) makes them, so the seam below it needs no type arguments.
/// </summary>
internal readonly record struct TaskOutputs(ObjectRef Result, ExtraOutputs? Extra = null);
