using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Emit;

/// <summary>The <c>TaskOptions</c> and <c>ActorOptions</c> initializers for the options set on <c>[RayRemote]</c>.</summary>
internal static class OptionsEmitter
{
    /// <summary>A <c>TaskOptions</c> object initializer for the options set, or null when none is set.</summary>
    public static string? TaskOptions(OptionsModel options)
    {
        if (!options.HasTaskOptions)
        {
            return null;
        }

        var parts = new List<string>();
        Add(parts, "NumCpus", options.NumCpus);
        Add(parts, "NumGpus", options.NumGpus);
        if (!options.Resources.IsEmpty)
        {
            parts.Add("Resources = " + Resources(options.Resources));
        }

        Add(parts, "MaxRetries", Int(options.MaxRetries));
        if (!options.RetryExceptionTypes.IsEmpty)
        {
            parts.Add("RetryExceptions = " + Names.RetryExceptions + ".Of(" + string.Join(", ", options.RetryExceptionTypes.Select(t => "typeof(" + t + ")")) + ")");
        }
        else if (options.RetryExceptions is { } retry)
        {
            parts.Add("RetryExceptions = " + Names.RetryExceptions + (retry ? ".All" : ".None"));
        }

        Add(parts, "Name", options.Name is null ? null : Literals.Literal(options.Name));
        Add(parts, "ConcurrencyGroup", options.ConcurrencyGroup is null ? null : Literals.Literal(options.ConcurrencyGroup));
        return "new " + Names.TaskOptions + " { " + string.Join(", ", parts) + " }";
    }

    /// <summary>An <c>ActorOptions</c> object initializer for the options set, or null when none is set.</summary>
    public static string? ActorOptions(OptionsModel options)
    {
        if (!options.HasActorOptions)
        {
            return null;
        }

        var parts = new List<string>();
        Add(parts, "Name", options.Name is null ? null : Literals.Literal(options.Name));
        Add(parts, "Namespace", options.Namespace is null ? null : Literals.Literal(options.Namespace));
        Add(parts, "GetIfExists", options.GetIfExists ? "true" : null);
        Add(parts, "Lifetime", options.Detached ? Names.ActorLifetime + ".Detached" : null);
        Add(parts, "NumCpus", options.NumCpus);
        Add(parts, "NumGpus", options.NumGpus);
        if (!options.Resources.IsEmpty)
        {
            parts.Add("Resources = " + Resources(options.Resources));
        }

        Add(parts, "MaxConcurrency", Int(options.MaxConcurrency));
        Add(parts, "MaxRestarts", Int(options.MaxRestarts));
        Add(parts, "MaxTaskRetries", Int(options.MaxTaskRetries));
        if (!options.ConcurrencyGroups.IsEmpty)
        {
            parts.Add("ConcurrencyGroups = new " + Names.Dictionary + "<string, int> { "
                + string.Join(", ", options.ConcurrencyGroups.Select(g => "[" + Literals.Literal(g.Name) + "] = " + Literals.Number(g.Limit))) + " }");
        }

        return "new " + Names.ActorOptions + " { " + string.Join(", ", parts) + " }";
    }

    private static string Resources(EquatableArray<ResourceModel> resources) =>
        "new " + Names.Dictionary + "<string, double> { " + string.Join(", ", resources.Select(r => "[" + Literals.Literal(r.Name) + "] = " + r.Amount)) + " }";

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(name + " = " + value);
        }
    }
}
