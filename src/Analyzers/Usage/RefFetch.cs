using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// Recognizes an expression that fetches the value of one ref: <c>Ray.Get(r)</c>, <c>r.Get()</c> (with or without a
/// timeout), <c>await r</c>, <c>await r.GetAsync()</c> and <c>await Ray.GetAsync(r)</c>, optionally with
/// <c>ConfigureAwait</c>. Used by RAY0201 and its code fix.
/// </summary>
internal static class RefFetch
{
    /// <summary>The ref whose value <paramref name="operation"/> fetches, or null when it is not such a fetch.</summary>
    public static IOperation? FetchedRef(IOperation operation, RaySymbols symbols)
    {
        if (operation is IAwaitOperation awaited)
        {
            var awaitable = Unwrap(awaited.Operation);
            if (awaitable is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
            {
                awaitable = Unwrap(configured);
            }

            if (symbols.IsTypedObjectRef(awaitable.Type, out _))
            {
                return awaitable;
            }

            return awaitable is IInvocationOperation asyncGet ? SingleRefOf(asyncGet, "GetAsync", symbols) : null;
        }

        return operation is IInvocationOperation get ? SingleRefOf(get, "Get", symbols) : null;
    }

    private static IOperation? SingleRefOf(IInvocationOperation invocation, string name, RaySymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name != name)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Ray))
        {
            // Ray.Get(ObjectRef<T>, …) / Ray.GetAsync(ObjectRef<T>, …), not the overloads taking a list.
            return invocation.Arguments.Length > 0 && symbols.IsTypedObjectRef(method.Parameters[0].Type, out _)
                ? ArgumentFor(invocation, method.Parameters[0])
                : null;
        }

        return SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, symbols.ObjectRefOfT)
            ? invocation.Instance
            : null;
    }

    private static IOperation? ArgumentFor(IInvocationOperation invocation, IParameterSymbol parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter))
            {
                return Unwrap(argument.Value);
            }
        }

        return null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
