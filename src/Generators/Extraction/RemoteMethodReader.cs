using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>Reads one remote method or constructor into a <see cref="RemoteMethodModel"/>, and the formatters and store registrations its signature needs.</summary>
internal static class RemoteMethodReader
{
    private const string Unit = "global::RaySharp.Unit";

    /// <summary>
    /// The model of <paramref name="method"/> as a remote function of <paramref name="owner"/> (its containing type, or
    /// the actor class that inherits it).
    /// </summary>
    public static RemoteMethodModel Method(IMethodSymbol method, INamedTypeSymbol owner, string signature, string name, AttributeData? attribute, List<RuleViolation> violations)
    {
        var parameters = method.Parameters;
        var takesToken = parameters.Length > 0 && DeclarationRules.IsCancellationToken(parameters[parameters.Length - 1].Type);
        var stubParameters = new List<ParameterModel>();
        for (var i = 0; i < parameters.Length - (takesToken ? 1 : 0); i++)
        {
            var p = parameters[i];
            var element = p.IsParams && p.Type is IArrayTypeSymbol array ? array.ElementType : null;
            stubParameters.Add(new ParameterModel(
                TypeNames.Identifier(p.Name),
                p.Type.ToDisplayString(TypeNames.Annotated),
                element is null ? ShapeOf(p.Type) : IsDirect(element) ? ParameterShape.DirectParams : ParameterShape.Params,
                DefaultValueLiteral.Of(p),
                element?.ToDisplayString(TypeNames.Annotated),
                IsNullable(p.Type)));
        }

        var kind = DeclarationRules.ClassifyReturn(method, out var result);
        var resultType = result is null ? Unit : result.ToDisplayString(TypeNames.Annotated);
        var resultTypes = DeclarationRules.NumReturns(method) > 1
            ? DeclarationRules.TupleElements(result).Select(t => t.ToDisplayString(TypeNames.Annotated)).ToEquatableArray()
            : EquatableArray<string>.Empty;
        // A dynamic parameter or result would make the invoker's call dynamically bound (reflection): no invoker case.
        // The analyzer reports it as RAY0003, since dynamic values cannot be serialized either.
        var dynamicSignature = parameters.Any(p => p.Type.TypeKind == TypeKind.Dynamic) || result?.TypeKind == TypeKind.Dynamic;
        var violation = violations.Count > 0 ? violations[0].Id : dynamicSignature ? RuleIds.NotSerializable : null;
        var canStub = !method.IsGenericMethod
            && !parameters.Any(p => DeclarationRules.IsRefLikeOrPointer(p.Type))
            && !(result is not null && DeclarationRules.IsRefLikeOrPointer(result));
        var displayName = owner.ToDisplayString(TypeNames.Signature) + "." + name;
        return new RemoteMethodModel(
            Name: TypeNames.Identifier(name),
            FieldName: name,
            Accessibility: StubAccessibility(method),
            Id: FunctionIds.Hash(signature),
            Signature: signature,
            DisplayName: displayName,
            Parameters: stubParameters.ToEquatableArray(),
            TakesCancellationToken: takesToken,
            Return: kind,
            ResultType: resultType,
            Options: OptionsReader.Options(attribute),
            Violation: violation,
            CanStub: canStub,
            ResultTypes: resultTypes);
    }

    /// <summary>
    /// <c>public</c> for a public method, <c>internal</c> for any other whose signature the whole assembly can name,
    /// and empty (no stub) when a parameter or return type is private or protected: the method still gets its
    /// function and invoker case, and can be called through the low-level API.
    /// </summary>
    private static string StubAccessibility(IMethodSymbol method)
    {
        if (method.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public)
        {
            return "public";
        }

        var visible = method.Parameters.All(p => DeclarationRules.IsVisibleToAssembly(p.Type))
            && DeclarationRules.IsVisibleToAssembly(method.ReturnType);
        return visible ? "internal" : string.Empty;
    }

    private static ParameterShape ShapeOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol named && TypeNames.MetadataName(named) == KnownNames.ObjectRefOfT)
        {
            return ParameterShape.PassRef;
        }

        return IsDirect(type) ? ParameterShape.Direct
            : IsCollection(type) ? ParameterShape.ArgOrValue
            : ParameterShape.Arg;
    }

    /// <summary>Interfaces, <c>dynamic</c> and <c>object</c>: C# converts no expression of these types to <c>Arg&lt;T&gt;</c>.</summary>
    private static bool IsDirect(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Interface or TypeKind.Dynamic || type.SpecialType == SpecialType.System_Object;

    /// <summary>A nullable reference type or <c>Nullable&lt;T&gt;</c>: a <c>null</c> literal must reach it.</summary>
    private static bool IsNullable(ITypeSymbol type) =>
        type.NullableAnnotation == NullableAnnotation.Annotated || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>An array or an enumerable class or struct (not <c>string</c>): a collection expression may target it.</summary>
    private static bool IsCollection(ITypeSymbol type) =>
        type is IArrayTypeSymbol
        || (type.SpecialType != SpecialType.System_String && type.TypeKind is TypeKind.Class or TypeKind.Struct
            && type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    public static EquatableArray<FormatterSpec> Formatters(IMethodSymbol method, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var specs = new List<FormatterSpec>();
        var types = method.Parameters.Where(p => !DeclarationRules.IsCancellationToken(p.Type)).Select(p => p.Type)
            .Concat(DeclarationRules.ResultWireTypes(method));
        foreach (var type in types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analysis = SerializationRules.Analyze(type, assembly, cancellationToken);
            specs.AddRange(analysis.Formatters);
        }

        return specs.ToEquatableArray();
    }

    /// <summary>
    /// How the store keeps each parameter and result type, and the value type of every <c>ObjectRef&lt;T&gt;</c> among
    /// them (what <c>Get</c> on it returns).
    /// </summary>
    public static IEnumerable<StoreSpec> Semantics(IMethodSymbol method, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        // A params array's items are frozen one by one (each may be a ref), so their type is registered too.
        var types = method.Parameters.Where(p => !DeclarationRules.IsCancellationToken(p.Type)).Select(p => p.Type)
            .Concat(method.Parameters.Where(p => p.IsParams && p.Type is IArrayTypeSymbol).Select(p => ((IArrayTypeSymbol)p.Type).ElementType))
            .Concat(DeclarationRules.ResultWireTypes(method));
        foreach (var type in types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = type is INamedTypeSymbol named && TypeNames.MetadataName(named) == KnownNames.ObjectRefOfT ? named.TypeArguments[0] : type;
            if (ImmutabilityRules.Classify(value, assembly, cancellationToken) is { } spec)
            {
                yield return spec;
            }
        }
    }
}
