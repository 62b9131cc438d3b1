using System;
using System.Collections.Generic;

namespace RaySharp.Objects.Store;

/// <summary>
/// Ties the <see cref="CompilerServices.ObjectRefFormatter{T}"/> to what is serializing on this thread: writes record the
/// refs found inside the value, so a spilled object or a snapshot can keep them alive. With a store (spilling or
/// restoring), reads resolve ids through that store; without one (taking a snapshot), through the current runtime.
/// </summary>
internal sealed class NestedRefScope : IDisposable
{
    [ThreadStatic]
    private static NestedRefScope? t_current;

    private readonly NestedRefScope? _previous;
    private List<ObjectRef>? _found;

    private NestedRefScope(ObjectStore? store)
    {
        Store = store;
        _previous = t_current;
        t_current = this;
    }

    public static NestedRefScope? Current => t_current;

    public ObjectStore? Store { get; }

    public static NestedRefScope Enter(ObjectStore? store) => new(store);

    public void OnWritten(ObjectRef reference) => (_found ??= []).Add(reference);

    /// <summary>The refs written inside the value, or null when there were none.</summary>
    public ObjectRef[]? Found() => _found?.ToArray();

    public void Dispose() => t_current = _previous;
}
