using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>Which members of an actor class become remote: its public constructors and the methods that get handle stubs.</summary>
internal static partial class DeclarationRules
{
    /// <summary>Members of <c>ActorHandle</c> and <c>object</c> that a handle stub must not hide.</summary>
    private static readonly HashSet<string> s_reservedHandleNames = new()
    {
        "Equals", "GetHashCode", "ToString", "GetType", "Finalize", "MemberwiseClone", "Id", "Call", "WithOptions",
    };

    /// <summary>The constructors that become <c>Remote.New</c> overloads: public instance constructors, in declaration order.</summary>
    public static IEnumerable<IMethodSymbol> PublicConstructors(INamedTypeSymbol type) =>
        type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public);

    /// <summary>
    /// The methods that become handle stubs: public, non-static, ordinary methods of the actor class, declared on it or
    /// inherited from its base classes (but <c>object</c>), except those an override or a same-signature method of a
    /// more derived class replaces, those named like a member of <c>ActorHandle</c> or <c>object</c>, and those the
    /// compiler writes (a record's <c>Deconstruct</c> and <c>&lt;Clone&gt;$</c>). Fields and properties are never exposed.
    /// </summary>
    public static IEnumerable<IMethodSymbol> ActorMethods(INamedTypeSymbol type)
    {
        var found = new List<IMethodSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var m in t.GetMembers().OfType<IMethodSymbol>())
            {
                if (m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
                    && !m.IsImplicitlyDeclared && m.CanBeReferencedByName
                    && !s_reservedHandleNames.Contains(m.Name)
                    && !found.Any(d => SameSignature(d, m)))
                {
                    found.Add(m);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// True when code anywhere in the assembly can name <paramref name="type"/>: every type in it (containing types,
    /// type arguments, array elements) is public or internal. A stub can only be as visible as its signature's types.
    /// </summary>
    public static bool IsVisibleToAssembly(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsVisibleToAssembly(array.ElementType);
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? t = named; t is not null; t = t.ContainingType)
                {
                    if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal or Accessibility.NotApplicable))
                    {
                        return false;
                    }
                }

                return named.TypeArguments.All(IsVisibleToAssembly);
            default:
                return true;
        }
    }

    /// <summary>True when <paramref name="derived"/> overrides or hides <paramref name="inherited"/>: same name, arity and parameter types.</summary>
    private static bool SameSignature(IMethodSymbol derived, IMethodSymbol inherited) =>
        derived.Name == inherited.Name
        && derived.Arity == inherited.Arity
        && derived.Parameters.Length == inherited.Parameters.Length
        && derived.Parameters.Zip(inherited.Parameters, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(x => x);
}
