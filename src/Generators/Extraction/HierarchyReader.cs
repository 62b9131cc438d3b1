using System.Linq;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>Reads where a type sits (namespace and containing types) into a <see cref="HierarchyInfo"/>.</summary>
internal static class HierarchyReader
{
    public static HierarchyInfo Hierarchy(INamedTypeSymbol type) =>
        new(TypeNames.NamespaceOf(type), TypeNames.Chain(type).Select(t => new TypeDeclarationInfo(t.Name, Keyword(t), IsModuleVisible(t))).ToEquatableArray());

    private static bool IsModuleVisible(INamedTypeSymbol type) =>
        !type.IsFileLocal && type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.IsValueType) switch
    {
        (true, true) => "record struct",
        (true, false) => "record",
        (false, true) => "struct",
        _ => "class",
    };
}
