using System;

namespace RaySharp;

/// <summary>A <see cref="Util.RayQueue{T}"/> had no item to get in time (Ray's <c>Empty</c>).</summary>
public sealed class QueueEmptyException : Exception
{
    /// <summary>Creates the exception with a message that says what was asked.</summary>
    public QueueEmptyException(string message)
        : base(message)
    {
    }
}
