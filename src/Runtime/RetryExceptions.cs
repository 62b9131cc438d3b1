using System;
using System.Collections.Generic;
using System.Linq;

namespace RaySharp;

/// <summary>
/// Which application exceptions a task retries (up to <see cref="TaskOptions.MaxRetries"/>), as Ray's
/// <c>retry_exceptions</c>: none, all, or a list of exception types (subclasses included).
/// </summary>
public sealed class RetryExceptions
{
    private readonly Type[] _types;
    private readonly bool _all;

    private RetryExceptions(bool all, Type[] types)
    {
        _all = all;
        _types = types;
    }

    /// <summary>Application exceptions are never retried (the default, as in Ray).</summary>
    public static RetryExceptions None { get; } = new(false, []);

    /// <summary>Every application exception is retried.</summary>
    public static RetryExceptions All { get; } = new(true, []);

    /// <summary>Only exceptions of these types, or types derived from them, are retried.</summary>
    /// <exception cref="ArgumentException">A type is not an exception type.</exception>
    public static RetryExceptions Of(params Type[] exceptionTypes)
    {
        ArgumentNullException.ThrowIfNull(exceptionTypes);
        foreach (var type in exceptionTypes)
        {
            if (type is null || !typeof(Exception).IsAssignableFrom(type))
            {
                throw new ArgumentException($"RetryExceptions.Of takes exception types only; '{type?.FullName ?? "null"}' is not one.", nameof(exceptionTypes));
            }
        }

        return new RetryExceptions(false, exceptionTypes.ToArray());
    }

    /// <summary>The exception types retried, when the policy is a list.</summary>
    public IReadOnlyList<Type> Types => _types;

    /// <summary><c>true</c> retries all application exceptions, <c>false</c> none.</summary>
    public static implicit operator RetryExceptions(bool retry) => retry ? All : None;

    /// <summary>True when <paramref name="exception"/> should be retried.</summary>
    public bool Matches(Exception exception)
    {
        if (_all)
        {
            return true;
        }

        foreach (var type in _types)
        {
            if (type.IsInstanceOfType(exception))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() =>
        _all ? "all" : _types.Length == 0 ? "none" : string.Join(", ", _types.Select(t => t.Name));
}
