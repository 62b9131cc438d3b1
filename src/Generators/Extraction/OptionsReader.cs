using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>Reads the options set on a <c>[RayRemote]</c> attribute, and an actor's <c>[RayConcurrencyGroup]</c> declarations.</summary>
internal static class OptionsReader
{
    /// <summary>The value of <c>RaySharp.ActorLifetime.Detached</c>.</summary>
    private const int DetachedLifetime = 1;

    public static OptionsModel Options(AttributeData? attribute)
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
                "Namespace" => options with { Namespace = value.Value is string ns ? ns : null },
                "GetIfExists" => options with { GetIfExists = value.Value is true },
                "Lifetime" => options with { Detached = value.Value is int lifetime && lifetime == DetachedLifetime },
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
    public static EquatableArray<ConcurrencyGroupModel> ConcurrencyGroups(INamedTypeSymbol type) =>
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
