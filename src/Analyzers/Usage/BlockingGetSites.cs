using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// Where a blocking get sits and what it reads, for the blocking-get rules (RAY0101–RAY0104, RAY0205, RAY0206):
/// the function it runs in, the loop around it, and the ref it waits for.
/// </summary>
internal static class BlockingGetSites
{
    /// <summary>
    /// The innermost function <paramref name="operation"/> runs in: a lambda, a local function, or else the member whose
    /// body holds it (<paramref name="containingSymbol"/>, as the operation action reports it).
    /// </summary>
    public static IMethodSymbol? EnclosingFunction(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return containingSymbol as IMethodSymbol;
    }

    /// <summary>
    /// The innermost loop whose body (not its condition or collection) holds <paramref name="operation"/>, within the same
    /// function: a loop outside a lambda does not run the lambda's body.
    /// </summary>
    public static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case ILoopOperation loop when ReferenceEquals(loop.Body, child):
                    return loop;
            }
        }

        return null;
    }

    /// <summary>
    /// The single ref a blocking get waits for: the argument of <c>Ray.Get(r)</c>, the receiver of <c>r.Get()</c> or
    /// <c>r.WaitReady()</c>, or the ref behind <c>r.GetAwaiter().GetResult()</c> and <c>r.GetAsync().Result</c>.
    /// Null for gets of a list (<c>Ray.Get(refs)</c>, <c>Ray.Wait(refs)</c>).
    /// </summary>
    public static IOperation? RefOperand(RaySymbols symbols, IOperation blocking)
    {
        var candidate = blocking switch
        {
            IInvocationOperation { Instance: null } call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Ray) =>
                FirstArgument(call),
            IInvocationOperation call => call.Instance,
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };

        // Walk down r.GetAsync().ConfigureAwait(false).GetAwaiter() and Ray.GetAsync(r) to r.
        for (var current = Unwrap(candidate); current is not null;)
        {
            if (symbols.IsObjectRef(current.Type))
            {
                return current;
            }

            current = current switch
            {
                IInvocationOperation { Instance: { } instance } => Unwrap(instance),
                IInvocationOperation { Instance: null } call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Ray) =>
                    Unwrap(FirstArgument(call)),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>
    /// True when the ref is ready before the get runs, so the get never blocks: <c>Ray.Put(…)</c> or a local set from it,
    /// or the variable of a <c>foreach</c> over <c>Ray.AsCompleted(…)</c> or the ready refs of <c>Ray.Wait</c>.
    /// </summary>
    public static bool IsKnownReady(RaySymbols symbols, IOperation reference)
    {
        reference = Unwrap(reference)!;
        if (symbols.IsPut(reference))
        {
            return true;
        }

        if (reference is not ILocalReferenceOperation { Local: var local })
        {
            return false;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && loop.Locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return Unwrap(loop.Collection) is { } collection && RAY0205ResultsInSubmissionOrderAnalyzer.IsReadyByConstruction(symbols, collection);
            }
        }

        foreach (var declaration in local.DeclaringSyntaxReferences)
        {
            if (declaration.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                reference.SemanticModel?.GetOperation(initializer) is { } value && symbols.IsPut(Unwrap(value)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The argument bound to the first parameter, whatever order the call names them in.</summary>
    public static IOperation? FirstArgument(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The argument bound to the parameter named <paramref name="name"/>, if the member has one.</summary>
    public static IArgumentOperation? Argument(IOperation blocking, string name)
    {
        if (blocking is IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument;
                }
            }
        }

        return null;
    }

    /// <summary>True when the call passes a zero timeout, which only polls and never blocks (<c>TimeSpan.Zero</c>).</summary>
    public static bool PollsOnly(IOperation blocking)
    {
        var timeout = Unwrap(Argument(blocking, "timeout")?.Value);
        return timeout is IFieldReferenceOperation { Field: { Name: "Zero", ContainingType.Name: "TimeSpan" } };
    }

    /// <summary>Strips conversions and parentheses.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>True when <paramref name="inner"/>'s syntax lies inside <paramref name="outer"/>'s.</summary>
    public static bool Contains(IOperation outer, IOperation inner) => outer.Syntax.Span.Contains(inner.Syntax.Span);

    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>.</summary>
    public static bool IsTaskLike(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { } ns } &&
        string.Equals(ns.ToDisplayString(), "System.Threading.Tasks", StringComparison.Ordinal);
}
