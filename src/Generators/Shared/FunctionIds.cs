using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>
/// How a remote function's stable id is computed: FNV-1a 64 over the UTF-8 text of its signature,
/// <c>Namespace.Type.Method(ParamType, …)-&gt;ReturnType</c> with CLR type names (<c>System.Int32</c>, no keywords,
/// no nullable annotations, tuples as <c>System.ValueTuple&lt;…&gt;</c>). Actor constructors hash as
/// <c>Namespace.Type.New(ParamType, …)</c>. Renaming a method, a parameter type or the return type changes the id;
/// renaming a parameter or editing the body does not.
/// </summary>
internal static class FunctionIds
{
    private const ulong OffsetBasis = 0xcbf29ce484222325;
    private const ulong Prime = 0x100000001b3;

    /// <summary>
    /// The signature text hashed for a task or actor method; <paramref name="owner"/> is the actor class when it
    /// inherits the method (the declaring type when null).
    /// </summary>
    public static string MethodSignature(IMethodSymbol method, INamedTypeSymbol? owner = null) =>
        TypeName(owner ?? method.ContainingType) + "." + method.Name + "(" + Parameters(method) + ")->" + TypeNames.Display(method.ReturnType, TypeNames.Signature);

    /// <summary>The signature text hashed for an actor constructor.</summary>
    public static string ConstructorSignature(IMethodSymbol constructor) =>
        TypeName(constructor.ContainingType) + ".New(" + Parameters(constructor) + ")";

    /// <summary>FNV-1a 64 of the UTF-8 bytes of <paramref name="signature"/>.</summary>
    public static ulong Hash(string signature)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(signature))
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>The id as a C# literal, such as <c>0x0123456789ABCDEFUL</c>.</summary>
    public static string Literal(ulong id) => "0x" + id.ToString("X16", System.Globalization.CultureInfo.InvariantCulture) + "UL";

    private static string TypeName(INamedTypeSymbol type) => type.ToDisplayString(TypeNames.Signature);

    private static string Parameters(IMethodSymbol method) =>
        string.Join(", ", method.Parameters.Select(p => TypeNames.Display(p.Type, TypeNames.Signature)));
}
