using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>What a remote method returns: its <see cref="ReturnKind"/>, <c>NumReturns</c> and the types that cross the wire.</summary>
internal static partial class DeclarationRules
{
    /// <summary>
    /// The result types that cross the wire, as the generator writes formatters for them: each tuple element when
    /// <c>NumReturns</c> splits the result, else the result itself; none for a constructor or a method returning nothing.
    /// </summary>
    public static IEnumerable<ITypeSymbol> ResultWireTypes(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return Enumerable.Empty<ITypeSymbol>();
        }

        ClassifyReturn(method, out var result);
        var elements = NumReturns(method) > 1 ? TupleElements(result) : default;
        return !elements.IsDefaultOrEmpty ? elements : result is null ? Enumerable.Empty<ITypeSymbol>() : new[] { result };
    }

    /// <summary>Classifies the return type; <paramref name="result"/> is the value type the ref holds (null for <c>Unit</c>).</summary>
    public static ReturnKind ClassifyReturn(IMethodSymbol method, out ITypeSymbol? result)
    {
        result = null;
        if (method.ReturnsVoid)
        {
            return ReturnKind.Void;
        }

        if (method.ReturnType is INamedTypeSymbol named)
        {
            switch (TypeNames.MetadataName(named))
            {
                case KnownNames.Task:
                    return ReturnKind.Task;
                case KnownNames.ValueTask:
                    return ReturnKind.ValueTask;
                case KnownNames.TaskOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.TaskOfT;
                case KnownNames.ValueTaskOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.ValueTaskOfT;
                case KnownNames.EnumerableOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.Stream;
                case KnownNames.AsyncEnumerableOfT:
                    result = named.TypeArguments[0];
                    return ReturnKind.AsyncStream;
            }
        }

        result = method.ReturnType;
        return ReturnKind.Value;
    }

    /// <summary>The declared <c>NumReturns</c> of a method's <c>[RayRemote]</c>; 1 when unset.</summary>
    public static int NumReturns(IMethodSymbol method)
    {
        var attribute = FindRayRemote(method);
        if (attribute is null)
        {
            return 1;
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == "NumReturns" && pair.Value.Value is int n && n != int.MinValue)
            {
                return n;
            }
        }

        return 1;
    }

    /// <summary>The element types of a tuple type, or none when <paramref name="type"/> is not a tuple.</summary>
    public static System.Collections.Immutable.ImmutableArray<ITypeSymbol> TupleElements(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsTupleType: true } tuple
            ? tuple.TupleElements.Select(e => e.Type).ToImmutableArray()
            : System.Collections.Immutable.ImmutableArray<ITypeSymbol>.Empty;
}
