using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// The extra symbols the data-flow usage rules (RAY0201–RAY0204, RAY0207, RAY0208) need on top of <see cref="RaySymbols"/>:
/// the <c>Arg&lt;T&gt;</c> that stubs take, the APIs that run a lambda once per item, and the serializers that could
/// carry a ref out of band. Resolved once per compilation.
/// </summary>
internal sealed class DataRuleSymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> _repeatingTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _textSerializers;

    private DataRuleSymbols(RaySymbols ray)
    {
        Ray = ray;
        var compilation = ray.Compilation;
        Arg = compilation.GetTypeByMetadataName("RaySharp.CompilerServices.Arg`1");
        ObjectId = compilation.GetTypeByMetadataName("RaySharp.ObjectId");
        EnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        _repeatingTypes = Resolve(
            compilation,
            "System.Linq.Enumerable",
            "System.Linq.ParallelEnumerable",
            "System.Threading.Tasks.Parallel",
            "System.Collections.Generic.List`1",
            "RaySharp.Util.ActorPool`1");
        _textSerializers = Resolve(
            compilation,
            "System.Text.Json.JsonSerializer",
            "Newtonsoft.Json.JsonConvert",
            "System.Xml.Serialization.XmlSerializer");
    }

    /// <summary>The core RaySharp symbols.</summary>
    public RaySymbols Ray { get; }

    /// <summary><c>RaySharp.Arg&lt;T&gt;</c>, unconstructed, if present.</summary>
    public INamedTypeSymbol? Arg { get; }

    /// <summary><c>RaySharp.ObjectId</c>, if present.</summary>
    public INamedTypeSymbol? ObjectId { get; }

    /// <summary><c>IEnumerable&lt;T&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol EnumerableOfT { get; }

    /// <summary>Resolves the extra symbols of a compilation that references RaySharp.</summary>
    public static DataRuleSymbols From(RaySymbols ray) => new(ray);

    /// <summary>
    /// True when a lambda passed to <paramref name="method"/> runs once per item: LINQ (<c>Select</c>, <c>ForEach</c>, …),
    /// <c>Parallel.For</c>/<c>ForEach</c>, <c>List&lt;T&gt;.ForEach</c>, and <c>ActorPool&lt;T&gt;</c>'s <c>Map</c>/<c>Submit</c>.
    /// </summary>
    public bool RunsLambdaPerItem(IMethodSymbol method)
    {
        var type = (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition;
        foreach (var repeating in _repeatingTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(type, repeating))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a method of a serializer to text (System.Text.Json, Newtonsoft.Json, XmlSerializer).</summary>
    public bool IsTextSerializer(IMethodSymbol method)
    {
        var type = method.ContainingType?.OriginalDefinition;
        foreach (var serializer in _textSerializers)
        {
            if (SymbolEqualityComparer.Default.Equals(type, serializer))
            {
                return method.Name.StartsWith("Serialize", System.StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// True for a method a caller reaches through a stub: a <c>[RayRemote]</c> static method, or a public instance method
    /// of a <c>[RayRemote]</c> (actor) class. Private helpers of an actor are remote code, but not remote methods.
    /// </summary>
    public bool IsRemoteMethod(IMethodSymbol? method) =>
        method is { MethodKind: MethodKind.Ordinary } &&
        (method.IsStatic ? HasRayRemote(method) : method.DeclaredAccessibility == Accessibility.Public && method.ContainingType is { } type && HasRayRemote(type));

    /// <summary>True for an actor handle (a type derived from <c>RaySharp.ActorHandle</c>).</summary>
    public bool IsActorHandle(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Ray.ActorHandle))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a ref or an object id, or an array or collection of them.</summary>
    public bool IsRefOrIdOrCollectionOfThem(ITypeSymbol? type)
    {
        if (IsRefOrId(type))
        {
            return true;
        }

        return ElementType(type) is { } element && IsRefOrId(element);
    }

    /// <summary>The element type of an array or an <c>IEnumerable&lt;T&gt;</c> (other than string), or null.</summary>
    public ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, EnumerableOfT))
        {
            return named.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, EnumerableOfT))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>T</c> of a stub parameter of type <c>Arg&lt;T&gt;</c> or <c>Arg&lt;T&gt;?</c> (a nullable parameter), else null.
    /// </summary>
    private ITypeSymbol? ArgValueType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Arg)
            ? named.TypeArguments[0]
            : null;
    }

    /// <summary>
    /// The <c>T</c> of a stub parameter that accepts an <c>ObjectRef&lt;T&gt;</c> in place of its value: an <c>Arg&lt;T&gt;</c>,
    /// or a <c>T</c> for which the stub type has an overload taking <c>ObjectRef&lt;T&gt;</c> or <c>Arg&lt;T&gt;</c> at that
    /// position (the generator writes one per combination for interface and <c>object</c> parameters, and for collection
    /// parameters, whose <c>T</c> overload takes collection expressions). Null otherwise.
    /// </summary>
    public ITypeSymbol? ValueTypeAcceptingRef(IMethodSymbol stub, IParameterSymbol parameter)
    {
        if (ArgValueType(parameter.Type) is { } argValue)
        {
            return argValue;
        }

        if (Ray.IsObjectRef(parameter.Type) || stub.ContainingType is null)
        {
            return null;
        }

        foreach (var member in stub.ContainingType.GetMembers(stub.Name))
        {
            if (member is IMethodSymbol overload && overload.Parameters.Length == stub.Parameters.Length &&
                (Ray.IsTypedObjectRef(overload.Parameters[parameter.Ordinal].Type, out var valueType)
                    || (valueType = ArgValueType(overload.Parameters[parameter.Ordinal].Type)) is not null) &&
                SymbolEqualityComparer.Default.Equals(valueType, parameter.Type) &&
                SameOtherParameters(stub, overload, parameter.Ordinal))
            {
                return parameter.Type;
            }
        }

        return null;
    }

    /// <summary>
    /// The value passed for <paramref name="argument"/>, under the implicit conversion to <c>Arg&lt;T&gt;</c> (or a boxing
    /// or reference conversion to the parameter type) that the compiler adds.
    /// </summary>
    public static IOperation PassedValue(IArgumentOperation argument)
    {
        var value = argument.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private bool HasRayRemote(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Ray.RayRemoteAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsRefOrId(ITypeSymbol? type) =>
        Ray.IsObjectRef(type) || (ObjectId is not null && SymbolEqualityComparer.Default.Equals(type, ObjectId));

    private static bool SameOtherParameters(IMethodSymbol a, IMethodSymbol b, int except)
    {
        for (var i = 0; i < a.Parameters.Length; i++)
        {
            if (i != except && !SymbolEqualityComparer.Default.Equals(a.Parameters[i].Type, b.Parameters[i].Type))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
