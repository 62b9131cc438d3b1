using System;

namespace RaySharp;

/// <summary>A <see cref="Util.RayQueue{T}"/> had no room for an item in time (Ray's <c>Full</c>).</summary>
public sealed class QueueFullException : Exception
{
    /// <summary>Creates the exception with a message that says what was asked.</summary>
    public QueueFullException(string message)
        : base(message)
    {
    }
}
