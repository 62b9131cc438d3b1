using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0203: a remote method returns (or yields) a ref it made with <c>Ray.Put</c>, or a tuple or collection of such
/// refs. The caller then holds a ref to a ref. Return the value: one per tuple element with <c>NumReturns</c>, or a
/// stream for an unknown count. See <c>docs/diagnostics/RAY0203.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0203ReturnsPutRefAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0203";

    /// <summary>Property set on diagnostics the code fix handles: a single ref returned straight from <c>Ray.Put</c>.</summary>
    public const string SingleRefProperty = "SingleRef";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Return values from remote methods, not refs made by Ray.Put",
        "Remote method '{0}' returns {1} made by Ray.Put, so its caller gets a ref to a ref and must Get twice: {2}",
        DiagnosticSeverity.Warning,
        "A remote method's result is stored as an object already, and the caller receives a ref to it. Putting the value first and returning that ref adds a second object and a second Get, and keeps the value alive in the store for as long as either ref lives. Return the value; for several values, return a tuple with NumReturns set, or stream them with IEnumerable<T>.");

    private const string ReturnTheValue = "return the value itself";
    private const string StreamTheValues = "return the values as IEnumerable<T> with yield return, so each one becomes its own ref as soon as it is produced";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols ray)
    {
        var symbols = DataRuleSymbols.From(ray);
        start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Return, OperationKind.YieldReturn);
    }

    private static void Analyze(OperationAnalysisContext context, DataRuleSymbols symbols)
    {
        var ret = (IReturnOperation)context.Operation;
        if (ret.ReturnedValue is null || InsideLambdaOrLocalFunction(ret) ||
            context.ContainingSymbol is not IMethodSymbol method || !symbols.IsRemoteMethod(method))
        {
            return;
        }

        var value = Unwrap(ret.ReturnedValue);
        var name = method.ContainingType.Name + "." + method.Name;
        if (symbols.Ray.IsPut(value) || IsLocalHoldingPut(value, symbols))
        {
            var properties = ret.Kind == OperationKind.Return && symbols.Ray.IsPut(value)
                ? ImmutableDictionary<string, string?>.Empty.Add(SingleRefProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            var how = ret.Kind == OperationKind.YieldReturn ? "yield the value itself" : ReturnTheValue;
            context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, name, "a ref", how));
            return;
        }

        if (Elements(value) is { } elements)
        {
            if (elements.Exists(symbols.Ray.IsPut))
            {
                var advice = elements.Count is 2 or 3 && value is ITupleOperation
                    ? $"return the {elements.Count} values as a tuple and set NumReturns = {elements.Count} in [RayRemote], so the caller gets one ref per value"
                    : elements.Count is 2 or 3
                        ? $"return the {elements.Count} values as a tuple and set NumReturns = {elements.Count} in [RayRemote] for a fixed count, or {StreamTheValues}"
                        : StreamTheValues;
                context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), name, "refs", advice));
            }

            return;
        }

        if (symbols.ElementType(value.Type) is { } element && symbols.Ray.IsObjectRef(element) && BodyPuts(ret, symbols))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), name, "a collection of refs", StreamTheValues));
        }
    }

    /// <summary>The elements of a tuple literal, an array creation with an initializer, or a collection expression.</summary>
    private static List<IOperation>? Elements(IOperation value)
    {
        IEnumerable<IOperation>? elements = value switch
        {
            ITupleOperation tuple => tuple.Elements,
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => null,
        };
        if (elements is null)
        {
            return null;
        }

        var list = new List<IOperation>();
        foreach (var element in elements)
        {
            list.Add(Unwrap(element));
        }

        return list;
    }

    private static bool IsLocalHoldingPut(IOperation value, DataRuleSymbols symbols)
    {
        if (value is not ILocalReferenceOperation local)
        {
            return false;
        }

        var root = Root(value);
        var putInitializer = false;
        foreach (var operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
            {
                putInitializer = declarator.Initializer is { } initializer && symbols.Ray.IsPut(Unwrap(initializer.Value));
            }
            else if (operation is ILocalReferenceOperation other && SymbolEqualityComparer.Default.Equals(other.Local, local.Local) && SymbolUses.IsWrite(other))
            {
                return false;
            }
        }

        return putInitializer;
    }

    private static bool BodyPuts(IOperation operation, DataRuleSymbols symbols)
    {
        foreach (var descendant in Root(operation).Descendants())
        {
            if (symbols.Ray.IsPut(descendant))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideLambdaOrLocalFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
