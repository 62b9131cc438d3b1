using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace RaySharp.Generators.Emit;

/// <summary>C# literals for generated code, culture-invariant.</summary>
internal static class Literals
{
    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>An integer in invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
