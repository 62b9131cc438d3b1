using System;

namespace RaySharp;

/// <summary>The runtime shut down before an object was ready, or a call was made on a runtime that is shut down.</summary>
public sealed class RuntimeShutdownException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that says what was interrupted.</summary>
    public RuntimeShutdownException(string message)
        : base(message)
    {
    }
}
