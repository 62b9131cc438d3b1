using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers.Declarations;

/// <summary>
/// RAY0001–RAY0010, the declaration contract: one analyzer that walks the generator's shared declaration rules once
/// per type that declares or carries <c>[RayRemote]</c> (or a concurrency group) and reports every broken rule, each
/// under its own id (<see cref="Descriptors"/>; the pages are <c>docs/diagnostics/RAY0001.md</c> to <c>RAY0010.md</c>).
/// </summary>
/// <remarks>
/// One walk rather than one analyzer per id: every rule reads the same symbols, and the costly one (RAY0003's walk of
/// the wire types) ran once per id before. The ids stay apart, so each can still be suppressed on its own.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationRulesAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> s_rules = ImmutableArray.Create(
        Descriptors.NotPartial,
        Descriptors.ByRefOrRefLike,
        Descriptors.NotSerializable,
        Descriptors.OpenGeneric,
        Descriptors.BadActorClass,
        Descriptors.BadCancellationToken,
        Descriptors.MisplacedAttribute,
        Descriptors.BadNumReturns,
        Descriptors.BadConcurrencyGroup,
        Descriptors.ReservedName);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_rulesById = s_rules.ToImmutableDictionary(r => r.Id);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => s_rules;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(KnownNames.RayRemoteAttribute);
            if (attribute is null)
            {
                // RaySharp is not referenced: nothing can be [RayRemote].
                return;
            }

            // A containing type that is not partial is reached from each nested type with remote methods: report it once.
            var reported = new ConcurrentDictionary<(string, Location, string), byte>();
            var groupAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.RayConcurrencyGroupAttribute);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attribute, groupAttribute, reported), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attribute, INamedTypeSymbol? groupAttribute, ConcurrentDictionary<(string, Location, string), byte> reported)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!DeclaresRayRemote(type, attribute) && (groupAttribute is null || !HasAttribute(type, groupAttribute)))
        {
            return;
        }

        var findings = new List<Finding>();
        DeclarationWalker.Walk(type, context.Compilation.Assembly, findings, context.CancellationToken);
        foreach (var finding in findings)
        {
            if (reported.TryAdd((finding.Id, finding.Location, string.Join("\u0001", finding.Arguments)), 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(s_rulesById[finding.Id], finding.Location, finding.Arguments));
            }
        }
    }

    /// <summary>A cheap first look, before the shared rules: does the type or one of its methods carry the attribute?</summary>
    private static bool DeclaresRayRemote(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        if (HasAttribute(type, attribute))
        {
            return true;
        }

        foreach (var member in type.GetMembers())
        {
            if (member.Kind == SymbolKind.Method && HasAttribute(member, attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
