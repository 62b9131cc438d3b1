using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers.Declarations;

/// <summary>
/// The common body of the RAY0001–RAY0099 analyzers: one subclass per id (STYLE.md section 4), each reporting its own
/// rule from the walk of the shared declaration rules over every type that declares or carries <c>[RayRemote]</c>.
/// </summary>
public abstract class DeclarationRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule;
    private readonly bool _serialization;

    private protected DeclarationRuleAnalyzer(DiagnosticDescriptor rule)
    {
        _rule = rule;
        _serialization = rule.Id == RuleIds.NotSerializable;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
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
            var reported = new ConcurrentDictionary<(Location, string), byte>();
            var groupAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.RayConcurrencyGroupAttribute);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attribute, groupAttribute, reported), SymbolKind.NamedType);
        });
    }

    private void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attribute, INamedTypeSymbol? groupAttribute, ConcurrentDictionary<(Location, string), byte> reported)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!DeclaresRayRemote(type, attribute) && (groupAttribute is null || !HasAttribute(type, groupAttribute)))
        {
            return;
        }

        var findings = new List<Finding>();
        DeclarationWalker.Walk(type, context.Compilation.Assembly, _serialization, findings, context.CancellationToken);
        foreach (var finding in findings)
        {
            if (finding.Id == _rule.Id && reported.TryAdd((finding.Location, string.Join("\u0001", finding.Arguments)), 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(_rule, finding.Location, finding.Arguments));
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
