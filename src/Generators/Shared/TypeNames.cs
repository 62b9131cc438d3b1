using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RaySharp.Generators.Shared;

/// <summary>How types are written: in generated code, in function-id signatures, and in messages.</summary>
internal static class TypeNames
{
    /// <summary><c>global::</c>-qualified, with nullable reference annotations: for parameters, returns and locals.</summary>
    public static readonly SymbolDisplayFormat Annotated = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary><c>global::</c>-qualified, tuples spelled as <c>ValueTuple</c>, no annotations: valid in <c>typeof</c> and as a key.</summary>
    public static readonly SymbolDisplayFormat Plain = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>Namespace-qualified CLR names without keywords or annotations: the text a function id hashes.</summary>
    public static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.ExpandNullable | SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>Readable names for messages and member paths, such as <c>System.IntPtr</c> (not <c>nint</c>).</summary>
    public static readonly SymbolDisplayFormat Message = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>Short names for the start of a member path, such as <c>Order</c> or <c>List&lt;Order&gt;</c>.</summary>
    public static readonly SymbolDisplayFormat Short = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>
    /// <paramref name="type"/> in <paramref name="format"/>, except that <c>IntPtr</c> and <c>UIntPtr</c> keep their CLR
    /// names (C# 11 displays them as <c>nint</c>/<c>nuint</c> whatever the format says).
    /// </summary>
    public static string Display(ITypeSymbol type, SymbolDisplayFormat format) => type.SpecialType switch
    {
        SpecialType.System_IntPtr when !ReferenceEquals(format, Short) => "System.IntPtr",
        SpecialType.System_UIntPtr when !ReferenceEquals(format, Short) => "System.UIntPtr",
        _ => type.ToDisplayString(format),
    };

    /// <summary>The namespace and metadata name, such as <c>System.Collections.Generic.List`1</c>.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var builder = new StringBuilder(definition.MetadataName);
        for (var outer = definition.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            builder.Insert(0, outer.MetadataName + "+");
        }

        var ns = definition.ContainingNamespace;
        if (ns is { IsGlobalNamespace: false })
        {
            builder.Insert(0, ns.ToDisplayString() + ".");
        }

        return builder.ToString();
    }

    /// <summary>The namespace of <paramref name="type"/>, empty for the global namespace.</summary>
    public static string NamespaceOf(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
    }

    /// <summary>A name usable as a C# identifier: keywords get an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>True when <paramref name="type"/> or one of its containing types has type parameters.</summary>
    public static bool IsInGenericContext(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The containing types of <paramref name="type"/>, outermost first, ending with the type itself.</summary>
    public static List<INamedTypeSymbol> Chain(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            chain.Insert(0, t);
        }

        return chain;
    }
}
