using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0205: a <c>foreach</c> over refs that blocks on each ref in turn and then does more work with its value. Results
/// are processed in submission order, so one slow task holds back the processing of all the finished ones after it
/// (Ray's "processing results in submission order"); see <c>docs/diagnostics/RAY0205.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0205ResultsInSubmissionOrderAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0205";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Process results in completion order",
        "The loop over '{0}' waits for each ref in submission order before processing it: iterate over Ray.AsCompleted({0}) to process each result as soon as it is ready",
        DiagnosticSeverity.Info,
        "A foreach over refs with a blocking get per ref processes the results in the order the tasks were submitted. While it waits for a slow task, results that are already finished sit unprocessed. Ray.AsCompleted yields the refs as they finish, so the same loop body processes each result as soon as it is ready.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                // OperationKind.Loop covers for, while and do loops too.
                if (c.Operation is not IForEachLoopOperation loop || loop.IsAsynchronous || loop.Locals.Length != 1 || !symbols.IsObjectRef(loop.Locals[0].Type) ||
                    BlockingGetSites.Unwrap(loop.Collection) is not { } collection || IsReadyByConstruction(symbols, collection) ||
                    FirstGetOf(symbols, loop, loop.Locals[0]) is not { } get || OnlyAccumulates(loop, get))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, ((ForEachStatementSyntax)loop.Syntax).Expression.GetLocation(), collection.Syntax.ToString()));
            },
            OperationKind.Loop);
    }

    /// <summary>The first blocking get on the loop variable in the body.</summary>
    internal static IOperation? FirstGetOf(RaySymbols symbols, IForEachLoopOperation loop, ILocalSymbol variable) =>
        loop.Body.Descendants().FirstOrDefault(o =>
            symbols.FindBlockingMember(o) is not null && !BlockingGetSites.PollsOnly(o) &&
            BlockingGetSites.RefOperand(symbols, o) is ILocalReferenceOperation reference &&
            SymbolEqualityComparer.Default.Equals(reference.Local, variable) &&
            BlockingGetSites.EnclosingLoop(o) == loop);

    /// <summary>
    /// Refs that are all ready before the loop starts, or come in completion order already: <c>Ray.AsCompleted(…)</c>,
    /// the <c>Ready</c> list of <c>Ray.Wait</c>, or a local deconstructed from <c>Ray.Wait</c>.
    /// </summary>
    internal static bool IsReadyByConstruction(RaySymbols symbols, IOperation collection)
    {
        switch (collection)
        {
            case IInvocationOperation { TargetMethod.Name: "AsCompleted" } call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Ray):
                return true;
            case IPropertyReferenceOperation { Property.Name: "Ready" }:
                return true;
            case ILocalReferenceOperation { Local: var local }:
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax();
                    var source = declaration.FirstAncestorOrSelf<AssignmentExpressionSyntax>()?.Right
                        ?? (declaration as VariableDeclaratorSyntax)?.Initializer?.Value;
                    if (source is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } } ||
                        source is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Ready" })
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when the body only folds each value into an accumulator (<c>sum += r.Get();</c>, <c>list.Add(r.Get());</c>):
    /// no work to start earlier, so the order costs nothing.
    /// </summary>
    private static bool OnlyAccumulates(IForEachLoopOperation loop, IOperation get)
    {
        var statements = loop.Body is IBlockOperation block ? block.Operations : ImmutableArray.Create(loop.Body);
        if (statements.Length != 1 || statements[0] is not IExpressionStatementOperation { Operation: var expression })
        {
            return false;
        }

        return expression switch
        {
            ICompoundAssignmentOperation or ISimpleAssignmentOperation => true,
            IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add => BlockingGetSites.Unwrap(add.Arguments[0].Value) == get,
            _ => false,
        };
    }
}
