using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>Turns a <c>[RayRemote]</c> static method into a task model, applying the shared declaration and serialization rules.</summary>
internal static class TaskMethodExtractor
{
    /// <summary>A <c>[RayRemote]</c> method outside an actor class: a task.</summary>
    public static RemoteMethodItem? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
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
        var model = RemoteMethodReader.Method(method, type, FunctionIds.MethodSignature(method), method.Name, context.Attributes.FirstOrDefault(), violations);
        var assembly = context.SemanticModel.Compilation.Assembly;
        var clean = violations.Count == 0;
        var formatters = clean ? RemoteMethodReader.Formatters(method, assembly, cancellationToken) : EquatableArray<FormatterSpec>.Empty;
        var semantics = clean ? RemoteMethodReader.Semantics(method, assembly, cancellationToken).ToEquatableArray() : EquatableArray<StoreSpec>.Empty;
        return new RemoteMethodItem(HierarchyReader.Hierarchy(type), model, formatters, semantics);
    }
}
