using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RaySharp.Generators.Emit;
using RaySharp.Generators.Extraction;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators;

/// <summary>
/// Turns <c>[RayRemote]</c> methods into typed <c>Remote</c> stubs, <c>[RayRemote]</c> classes into actor handles,
/// and every type in their signatures into MessagePack formatters behind one resolver per assembly.
/// </summary>
/// <remarks>
/// Four pipelines, each syntax provider → equatable model → emitter:
/// <list type="number">
/// <item>task methods (found by <c>ForAttributeWithMetadataName</c> on methods), collected and grouped by containing type;</item>
/// <item>actor classes (on classes), de-duplicated across partial declarations;</item>
/// <item>the formatter specs of both, collected, de-duplicated by type and sorted, into one resolver file;</item>
/// <item>the store registrations of both (how the object store copies each signature type), likewise into one file.</item>
/// </list>
/// The generator reports no diagnostics: invalid declarations get nothing (or a throwing stub) and the analyzer reports them.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class RemoteGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RayRemoteAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, ct) => TaskMethodExtractor.Extract(ctx, ct))
            .WithTrackingName(TrackingNames.ExtractMethods)
            .Where(static m => m is not null)
            .Select(static (m, _) => m!)
            .WithTrackingName(TrackingNames.NonNullMethods);

        var taskTypes = methods.Collect()
            .Select(static (items, ct) => ModelCollector.GroupByType(items, ct))
            .WithTrackingName(TrackingNames.GroupedTypes)
            .SelectMany(static (types, _) => types.AsImmutableArray())
            .WithTrackingName(TrackingNames.TaskTypes);
        context.RegisterSourceOutput(taskTypes, static (spc, model) => TaskEmitter.Emit(spc, model));

        var actors = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RayRemoteAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (ctx, ct) => ActorExtractor.Extract(ctx, ct))
            .WithTrackingName(TrackingNames.ExtractActors)
            .Where(static a => a is not null)
            .Select(static (a, _) => a!)
            .WithTrackingName(TrackingNames.NonNullActors);

        var actorTypes = actors.Collect()
            .Select(static (items, ct) => ModelCollector.DistinctActors(items, ct))
            .WithTrackingName(TrackingNames.DistinctActors)
            .SelectMany(static (models, _) => models.AsImmutableArray())
            .WithTrackingName(TrackingNames.ActorTypes);
        context.RegisterSourceOutput(actorTypes, static (spc, model) => ActorEmitter.Emit(spc, model));

        var support = context.CompilationProvider
            .Select(static (compilation, ct) => CompilationSupport.Support(compilation, ct))
            .WithTrackingName(TrackingNames.SerializationSupport);
        var formatters = methods.Select(static (m, _) => m.Formatters).Collect()
            .Combine(actors.Select(static (a, _) => a.Formatters).Collect())
            .Select(static (pair, ct) => ModelCollector.MergeByType(pair.Left, pair.Right, static s => s.TypeKey, ct))
            .WithTrackingName(TrackingNames.Formatters)
            .Combine(support)
            .WithTrackingName(TrackingNames.FormatterOutput);
        context.RegisterSourceOutput(formatters, static (spc, pair) => FormatterEmitter.Emit(spc, pair.Left, pair.Right));

        var semanticsSupport = context.CompilationProvider
            .Select(static (compilation, ct) => CompilationSupport.SemanticsSupported(compilation, ct))
            .WithTrackingName(TrackingNames.SemanticsSupport);
        var semantics = methods.Select(static (m, _) => m.Semantics).Collect()
            .Combine(actors.Select(static (a, _) => a.Semantics).Collect())
            .Select(static (pair, ct) => ModelCollector.MergeByType(pair.Left, pair.Right, static s => s.TypeKey, ct))
            .WithTrackingName(TrackingNames.Semantics)
            .Combine(semanticsSupport)
            .WithTrackingName(TrackingNames.SemanticsOutput);
        context.RegisterSourceOutput(semantics, static (spc, pair) => SemanticsEmitter.Emit(spc, pair.Left, pair.Right));
    }
}
