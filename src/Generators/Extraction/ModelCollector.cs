using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>Combines per-declaration models: groups task methods by type, de-duplicates actors and specs, sorts them, and names overloads.</summary>
internal static class ModelCollector
{
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

    /// <summary>
    /// The specs of every declaration (formatters or store registrations), de-duplicated by <paramref name="typeKey"/>
    /// (the first one wins) and sorted by it.
    /// </summary>
    public static EquatableArray<T> MergeByType<T>(
        ImmutableArray<EquatableArray<T>> fromMethods,
        ImmutableArray<EquatableArray<T>> fromActors,
        Func<T, string> typeKey,
        CancellationToken cancellationToken)
        where T : IEquatable<T>
    {
        var byType = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var list in fromMethods.Concat(fromActors))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var spec in list)
            {
                var key = typeKey(spec);
                if (!byType.ContainsKey(key))
                {
                    byType.Add(key, spec);
                }
            }
        }

        return byType.Values.OrderBy(typeKey, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>Sorts methods by name, then signature, and names the <c>RemoteFunction</c> field of each overload.</summary>
    public static EquatableArray<RemoteMethodModel> Order(List<RemoteMethodModel> methods)
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
}
