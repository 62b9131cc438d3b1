using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>
/// A parameter's declared default value as C# source that a stub can declare as its own default: invariant culture,
/// <c>"R"</c> round-trip floats, enums as a cast of their underlying value, strings and chars escaped.
/// </summary>
internal static class DefaultValueLiteral
{
    /// <summary>The default of <paramref name="parameter"/>, or null when it declares none.</summary>
    public static string? Of(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var type = parameter.Type;
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            // "= null", "= default" or "= new S()": null for references and Nullable<T>, default for other structs.
            return type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? "default" : "null";
        }

        var underlying = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? ((INamedTypeSymbol)type).TypeArguments[0]
            : type;
        var literal = Primitive(value);
        return underlying.TypeKind == TypeKind.Enum
            ? "(" + underlying.ToDisplayString(TypeNames.Plain) + ")(" + literal + ")"
            : literal;
    }

    /// <summary>A C# literal for a constant's value.</summary>
    public static string Primitive(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        float f => Single(f),
        double d => Double(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException("Unexpected constant type " + value.GetType(), nameof(value)),
    };

    private static string Single(float f) =>
        float.IsNaN(f) ? "float.NaN"
        : float.IsPositiveInfinity(f) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(f) ? "float.NegativeInfinity"
        : f.ToString("R", CultureInfo.InvariantCulture) + "F";

    private static string Double(double d) =>
        double.IsNaN(d) ? "double.NaN"
        : double.IsPositiveInfinity(d) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
        : d.ToString("R", CultureInfo.InvariantCulture) + "D";
}
