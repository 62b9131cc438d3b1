using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>Which values are worth storing once rather than copying per call (RAY0202) or carrying in a closure (RAY0208).</summary>
internal static class LargeValues
{
    /// <summary>
    /// Large: arrays and collections (but not of refs or actor handles), buffers, strings built at run time, and any
    /// other object of a class, record or interface type. Not: primitives, enums, other structs, string constants,
    /// refs, actor handles, delegates.
    /// </summary>
    public static bool IsLarge(IOperation value, ISymbol symbol, DataRuleSymbols symbols)
    {
        var type = value.Type;
        if (type is null || type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Error ||
            symbols.Ray.IsObjectRef(type) || symbols.IsActorHandle(type))
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return symbol is ILocalSymbol { IsConst: false } local && IsBuiltAtRunTime(value, local);
        }

        if (symbols.ElementType(type) is { } element)
        {
            return !symbols.Ray.IsObjectRef(element) && !symbols.IsActorHandle(element);
        }

        if (type.IsValueType)
        {
            return type.OriginalDefinition.ToDisplayString() is "System.Memory<T>" or "System.ReadOnlyMemory<T>";
        }

        return type.SpecialType == SpecialType.None || type.SpecialType == SpecialType.System_Object;
    }

    /// <summary>A string local whose initializer is not a constant (or that has none).</summary>
    private static bool IsBuiltAtRunTime(IOperation value, ILocalSymbol local)
    {
        var root = value;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return declarator.Initializer is not { Value.ConstantValue.HasValue: true };
            }
        }

        return false;
    }
}
