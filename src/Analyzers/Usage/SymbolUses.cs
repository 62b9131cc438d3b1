using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>Where a local, parameter or field is used inside an operation tree, and whether a use writes it.</summary>
internal static class SymbolUses
{
    /// <summary>The local, parameter or field <paramref name="operation"/> reads, or null.</summary>
    public static ISymbol? Referenced(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>Every reference to <paramref name="symbol"/> under <paramref name="root"/>.</summary>
    public static IEnumerable<IOperation> ReferencesTo(IOperation root, ISymbol symbol)
    {
        foreach (var operation in root.Descendants())
        {
            if (Referenced(operation) is { } referenced && SymbolEqualityComparer.Default.Equals(referenced, symbol))
            {
                yield return operation;
            }
        }
    }

    /// <summary>True when some reference to <paramref name="symbol"/> under <paramref name="root"/> writes it.</summary>
    public static bool IsWrittenWithin(IOperation root, ISymbol symbol)
    {
        foreach (var reference in ReferencesTo(root, symbol))
        {
            if (IsWrite(reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="reference"/> is assigned, incremented, passed by <c>ref</c>/<c>out</c>, deconstructed
    /// into, or (for a value reached through it) has an element or member assigned.
    /// </summary>
    public static bool IsWrite(IOperation reference)
    {
        var current = reference;
        var parent = current.Parent;
        while (parent is ITupleOperation or IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            current = parent;
            parent = current.Parent;
        }

        return parent switch
        {
            IAssignmentOperation assignment => assignment.Target == current,
            IIncrementOrDecrementOperation => true,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            _ => false,
        };
    }
}
