using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>Turns a <c>[RayRemote]</c> class into an actor model: its constructors, its public methods and what their signatures need.</summary>
internal static class ActorExtractor
{
    /// <summary>A <c>[RayRemote]</c> class: an actor.</summary>
    public static ActorItem? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
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
        var hierarchy = HierarchyReader.Hierarchy(type);
        var handle = hierarchy.QualifiedName + ".Handle";
        var formatters = new List<FormatterSpec> { SerializationRules.HandleSpec(handle) };
        var semantics = new List<StoreSpec>();

        var constructors = new List<RemoteMethodModel>();
        foreach (var constructor in DeclarationRules.PublicConstructors(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var violations = new List<RuleViolation>();
            DeclarationRules.CheckMethodShape(constructor, violations);
            var model = RemoteMethodReader.Method(constructor, type, FunctionIds.ConstructorSignature(constructor), "New", null, violations) with
            {
                Accessibility = "public",
                ResultType = handle,
                IsConstructor = true,
            };
            constructors.Add(model);
            if (violations.Count == 0)
            {
                formatters.AddRange(RemoteMethodReader.Formatters(constructor, assembly, cancellationToken));
                semantics.AddRange(RemoteMethodReader.Semantics(constructor, assembly, cancellationToken));
            }
        }

        var methods = new List<RemoteMethodModel>();
        foreach (var method in DeclarationRules.ActorMethods(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var violations = new List<RuleViolation>();
            DeclarationRules.CheckMethodShape(method, violations);
            methods.Add(RemoteMethodReader.Method(method, type, FunctionIds.MethodSignature(method, type), method.Name, DeclarationRules.FindRayRemote(method), violations) with
            {
                Accessibility = "public",
            });
            if (violations.Count == 0)
            {
                formatters.AddRange(RemoteMethodReader.Formatters(method, assembly, cancellationToken));
                semantics.AddRange(RemoteMethodReader.Semantics(method, assembly, cancellationToken));
            }
        }

        var options = OptionsReader.Options(DeclarationRules.FindRayRemote(type)) with { ConcurrencyGroups = OptionsReader.ConcurrencyGroups(type) };
        var actor = new ActorModel(hierarchy, options, ModelCollector.Order(constructors), ModelCollector.Order(methods));
        return new ActorItem(actor, formatters.ToEquatableArray(), semantics.ToEquatableArray());
    }
}
