using System;
using RaySharp.Objects.Store;

namespace RaySharp.Wire;

/// <summary>
/// Marks what this thread writes or reads as going to (or coming from) another node, so that a ref nested inside a
/// value is written as an <see cref="ObjectReference"/> naming its owner's node, and read back through the
/// <see cref="IObjectTransfer"/>. A snapshot or spill taken meanwhile (a <see cref="NestedRefScope"/>) stays local.
/// </summary>
internal readonly struct WireScope : IDisposable
{
    [ThreadStatic]
    private static IObjectTransfer? t_current;

    /// <summary>The local scope that was current when the wire scope began: a newer one (a snapshot inside) hides the wire scope.</summary>
    [ThreadStatic]
    private static NestedRefScope? t_local;

    private readonly IObjectTransfer? _previous;
    private readonly NestedRefScope? _previousLocal;

    private WireScope(IObjectTransfer? transfer)
    {
        _previous = t_current;
        _previousLocal = t_local;
        t_current = transfer;
        t_local = NestedRefScope.Current;
    }

    /// <summary>The transfer of the wire write or read on this thread, unless a local snapshot or spill began inside it.</summary>
    public static IObjectTransfer? Current => ReferenceEquals(NestedRefScope.Current, t_local) ? t_current : null;

    /// <summary>Enters a scope for <paramref name="transfer"/> (null: nothing changes for nested refs).</summary>
    public static WireScope Enter(IObjectTransfer? transfer) => new(transfer ?? Current);

    public void Dispose()
    {
        t_current = _previous;
        t_local = _previousLocal;
    }
}
