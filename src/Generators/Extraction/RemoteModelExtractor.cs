using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>
/// The only code that reads symbols: turns a <c>[RayRemote]</c> method or class into an equatable model, applying the
/// shared declaration and serialization rules. Returns null for a declaration the generator must not touch.
/// </summary>
internal static class RemoteModelExtractor
{
    private const string Unit = "global::RaySharp.Unit";

    /// <summary>A <c>[RayRemote]</c> method outside an actor class: a task.</summary>
    public static RemoteMethodItem? ExtractTaskMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || method.ContainingType is not { } type || DeclarationRules.IsActorClass(type))
        {
            return null;
        }

        var typeViolations = new List<RuleViolation>();
        DeclarationRules.CheckContainingType(type, typeViolations, cancellationToken);
        DeclarationRules.CheckTaskContainer(type, typeViolations);
        if (typeViolations.Count > 0)
        {
            return null;
        }

        var violations = new List<RuleViolation>();
        DeclarationRules.CheckMethodShape(method, violations);
        DeclarationRules.CheckTaskMethod(method, violations);
        var model = Method(method, FunctionIds.MethodSignature(method), method.Name, context.Attributes.FirstOrDefault(), violations);
        var assembly = context.SemanticModel.Compilation.Assembly;
        var clean = violations.Count == 0;
        var formatters = clean ? Formatters(method, assembly, cancellationToken) : EquatableArray<FormatterSpec>.Empty;
        var semantics = clean ? Semantics(method, assembly, cancellationToken).ToEquatableArray() : EquatableArray<StoreSpec>.Empty;
        return new RemoteMethodItem(Hierarchy(type), model, formatters, semantics);
    }

    /// <summary>A <c>[RayRemote]</c> class: an actor.</summary>
    public static ActorItem? ExtractActor(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type)
        {
            return null;
        }

        var typeViolations = new List<RuleViolation>();
        DeclarationRules.CheckActorClass(type, typeViolations, cancellationToken);
        if (typeViolations.Count > 0)
        {
            return null;
        }

        var assembly = context.SemanticModel.Compilation.Assembly;
        var hierarchy = Hierarchy(type);
        var handle = hierarchy.QualifiedName + ".Handle";
        var formatters = new List<FormatterSpec> { SerializationRules.HandleSpec(handle) };
        var semantics = new List<StoreSpec>();

        var constructors = new List<RemoteMethodModel>();
        foreach (var constructor in DeclarationRules.PublicConstructors(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var violations = new List<RuleViolation>();
            DeclarationRules.CheckMethodShape(constructor, violations);
            var model = Method(constructor, FunctionIds.ConstructorSignature(constructor), "New", null, violations) with
            {
                Accessibility = "public",
                ResultType = handle,
                IsConstructor = true,
            };
            constructors.Add(model);
            if (violations.Count == 0)
            {
                formatters.AddRange(Formatters(constructor, assembly, cancellationToken));
                semantics.AddRange(Semantics(constructor, assembly, cancellationToken));
            }
        }

        var methods = new List<RemoteMethodModel>();
        foreach (var method in DeclarationRules.ActorMethods(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var violations = new List<RuleViolation>();
            DeclarationRules.CheckMethodShape(method, violations);
            methods.Add(Method(method, FunctionIds.MethodSignature(method), method.Name, DeclarationRules.FindRayRemote(method), violations) with
            {
                Accessibility = "public",
            });
            if (violations.Count == 0)
            {
                formatters.AddRange(Formatters(method, assembly, cancellationToken));
                semantics.AddRange(Semantics(method, assembly, cancellationToken));
            }
        }

        var options = Options(DeclarationRules.FindRayRemote(type)) with { ConcurrencyGroups = ConcurrencyGroups(type) };
        var actor = new ActorModel(hierarchy, options, Order(constructors), Order(methods));
        return new ActorItem(actor, formatters.ToEquatableArray(), semantics.ToEquatableArray());
    }

    /// <summary>Groups task methods by containing type, sorts types and methods, and names overloads' fields.</summary>
    public static EquatableArray<TaskTypeModel> GroupByType(ImmutableArray<RemoteMethodItem> items, CancellationToken cancellationToken)
    {
        var types = new List<TaskTypeModel>();
        foreach (var group in items.GroupBy(i => i.Type).OrderBy(g => g.Key.FullName, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var methods = group.Select(i => i.Method).Distinct().ToList();
            types.Add(new TaskTypeModel(group.Key, Order(methods)));
        }

        return types.ToEquatableArray();
    }

    /// <summary>One model per actor class, even when several partial declarations carry the attribute; sorted by name.</summary>
    public static EquatableArray<ActorModel> DistinctActors(ImmutableArray<ActorItem> items, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return items.Select(i => i.Actor).Distinct().OrderBy(a => a.Type.FullName, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>All formatter specs of every declaration, de-duplicated by type and sorted by type.</summary>
    public static EquatableArray<FormatterSpec> Normalize(
        ImmutableArray<EquatableArray<FormatterSpec>> fromMethods,
        ImmutableArray<EquatableArray<FormatterSpec>> fromActors,
        CancellationToken cancellationToken)
    {
        var byType = new Dictionary<string, FormatterSpec>(StringComparer.Ordinal);
        foreach (var list in fromMethods.Concat(fromActors))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var spec in list)
            {
                if (!byType.ContainsKey(spec.TypeKey))
                {
                    byType.Add(spec.TypeKey, spec);
                }
            }
        }

        return byType.Values.OrderBy(s => s.TypeKey, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>All store registrations of every declaration, de-duplicated by type and sorted by type.</summary>
    public static EquatableArray<StoreSpec> NormalizeSemantics(
        ImmutableArray<EquatableArray<StoreSpec>> fromMethods,
        ImmutableArray<EquatableArray<StoreSpec>> fromActors,
        CancellationToken cancellationToken)
    {
        var byType = new Dictionary<string, StoreSpec>(StringComparer.Ordinal);
        foreach (var list in fromMethods.Concat(fromActors))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var spec in list)
            {
                if (!byType.ContainsKey(spec.TypeKey))
                {
                    byType.Add(spec.TypeKey, spec);
                }
            }
        }

        return byType.Values.OrderBy(s => s.TypeKey, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>True when the referenced runtime takes store registrations (<c>RaySharp.Serialization.ObjectSemantics</c>).</summary>
    public static bool SemanticsSupported(Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return compilation.GetTypeByMetadataName(KnownNames.ObjectSemantics) is not null;
    }

    /// <summary>Whether serialization code can be generated, and which optional runtime formatters exist.</summary>
    public static SerializationSupport Support(Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var enabled = compilation.GetTypeByMetadataName(KnownNames.RaySerializer) is not null
            && compilation.GetTypeByMetadataName(KnownNames.MessagePackFormatterOfT) is not null;
        var runtime = FormatterHelpers.RuntimeTypes.Where(n => compilation.GetTypeByMetadataName(n) is not null).ToEquatableArray();
        return new SerializationSupport(enabled, runtime);
    }

    private static EquatableArray<RemoteMethodModel> Order(List<RemoteMethodModel> methods)
    {
        var sorted = methods
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Signature, StringComparer.Ordinal)
            .ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            var name = sorted[i].Name.TrimStart('@');
            counts[name] = counts.TryGetValue(name, out var n) ? n + 1 : 1;
            var field = counts[name] == 1 ? name : name + "_" + counts[name].ToString(CultureInfo.InvariantCulture);
            sorted[i] = sorted[i] with { FieldName = field };
        }

        return sorted.ToEquatableArray();
    }

    private static RemoteMethodModel Method(IMethodSymbol method, string signature, string name, AttributeData? attribute, List<RuleViolation> violations)
    {
        var parameters = method.Parameters;
        var takesToken = parameters.Length > 0 && DeclarationRules.IsCancellationToken(parameters[parameters.Length - 1].Type);
        var stubParameters = new List<ParameterModel>();
        for (var i = 0; i < parameters.Length - (takesToken ? 1 : 0); i++)
        {
            var p = parameters[i];
            stubParameters.Add(new ParameterModel(TypeNames.Identifier(p.Name), p.Type.ToDisplayString(TypeNames.Annotated), ShapeOf(p.Type)));
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
        var displayName = method.ContainingType.ToDisplayString(TypeNames.Signature) + "." + name;
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
            Options: Options(attribute),
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

        return type.TypeKind is TypeKind.Interface or TypeKind.Dynamic || type.SpecialType == SpecialType.System_Object
            ? ParameterShape.Direct
            : ParameterShape.Arg;
    }

    private static EquatableArray<FormatterSpec> Formatters(IMethodSymbol method, IAssemblySymbol assembly, CancellationToken cancellationToken)
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
    private static IEnumerable<StoreSpec> Semantics(IMethodSymbol method, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var types = method.Parameters.Where(p => !DeclarationRules.IsCancellationToken(p.Type)).Select(p => p.Type)
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

    private static HierarchyInfo Hierarchy(INamedTypeSymbol type) =>
        new(TypeNames.NamespaceOf(type), TypeNames.Chain(type).Select(t => new TypeDeclarationInfo(t.Name, Keyword(t))).ToEquatableArray());

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.IsValueType) switch
    {
        (true, true) => "record struct",
        (true, false) => "record",
        (false, true) => "struct",
        _ => "class",
    };

    private static OptionsModel Options(AttributeData? attribute)
    {
        if (attribute is null || attribute.NamedArguments.Length == 0)
        {
            return OptionsModel.None;
        }

        var options = OptionsModel.None;
        foreach (var pair in attribute.NamedArguments)
        {
            var value = pair.Value;
            options = pair.Key switch
            {
                "NumCpus" => options with { NumCpus = DoubleLiteral(value) },
                "NumGpus" => options with { NumGpus = DoubleLiteral(value) },
                "Resources" => options with { Resources = Resources(value) },
                "MaxRetries" => options with { MaxRetries = Int(value) },
                "RetryExceptions" => options with { RetryExceptions = value.Value is bool b ? b : null },
                "RetryExceptionTypes" => options with { RetryExceptionTypes = TypeList(value) },
                "Name" => options with { Name = value.Value is string s ? s : null },
                "NumReturns" => options with { NumReturns = Int(value) },
                "MaxConcurrency" => options with { MaxConcurrency = Int(value) },
                "MaxRestarts" => options with { MaxRestarts = Int(value) },
                "MaxTaskRetries" => options with { MaxTaskRetries = Int(value) },
                "ConcurrencyGroup" => options with { ConcurrencyGroup = value.Value is string g ? g : null },
                _ => options,
            };
        }

        return options;
    }

    /// <summary>The class's <c>[RayConcurrencyGroup]</c> declarations as written; the analyzer reports bad ones (RAY0009).</summary>
    private static EquatableArray<ConcurrencyGroupModel> ConcurrencyGroups(INamedTypeSymbol type) =>
        DeclarationRules.ConcurrencyGroups(type)
            .Where(g => g.Name is not null)
            .Select(g => new ConcurrencyGroupModel(g.Name!, g.Limit))
            .ToEquatableArray();

    private static string? DoubleLiteral(TypedConstant value) =>
        value.Value is double d && !double.IsNaN(d) && !double.IsInfinity(d) ? Literal(d) : null;

    private static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "D";

    /// <summary>Reads an int option; <c>int.MinValue</c> (the attribute's "unset" sentinel) counts as unset.</summary>
    private static int? Int(TypedConstant value) => value.Value is int i && i != int.MinValue ? i : null;

    private static EquatableArray<ResourceModel> Resources(TypedConstant value)
    {
        if (value.Kind != TypedConstantKind.Array || value.IsNull)
        {
            return default;
        }

        var resources = new List<ResourceModel>();
        foreach (var item in value.Values)
        {
            if (item.Value is string text && ResourceParser.TryParse(text, out var name, out var amount))
            {
                resources.Add(new ResourceModel(name, Literal(amount)));
            }
        }

        return resources.ToEquatableArray();
    }

    private static EquatableArray<string> TypeList(TypedConstant value)
    {
        if (value.Kind != TypedConstantKind.Array || value.IsNull)
        {
            return default;
        }

        return value.Values
            .Select(v => v.Value as ITypeSymbol)
            .Where(t => t is not null && t.TypeKind != TypeKind.Error)
            .Select(t => t!.ToDisplayString(TypeNames.Plain))
            .ToEquatableArray();
    }
}
