using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0102: <c>Ray.Wait(refs, …)</c> or <c>await Ray.WaitAsync(refs, …)</c> inside a loop whose body never reassigns <c>refs</c> (nor changes it in any other
/// way). The refs that are ready come back on every pass, so the loop spins on them, and never ends if it waits for
/// all of them to come back once; see <c>docs/diagnostics/RAY0102.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0102WaitWithoutReassignmentAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0102";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Reassign the refs that are not ready after Ray.Wait in a loop",
        "Ray.Wait on '{0}' in a loop that never reassigns '{0}' returns the same ready refs on every pass, so the loop spins: deconstruct and reassign, (var ready, {0}) = Ray.Wait({0}, …)",
        DiagnosticSeverity.Warning,
        "Ray.Wait does not remove anything from the list it is given: it returns the ready refs and the rest. A loop that passes the same list to every Ray.Wait gets the refs that finished first again and again, and never sees the others, which the Ray tutorial warns makes an infinite loop. Pass the rest back in: (var ready, refs) = Ray.Wait(refs), or (var ready, refs) = await Ray.WaitAsync(refs).");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                var wait = (IInvocationOperation)c.Operation;
                if (!IsRayWait(symbols, wait) ||
                    VariableOf(BlockingGetSites.FirstArgument(wait)) is not { } refs ||
                    BlockingGetSites.EnclosingLoop(wait) is not { } loop ||
                    IsDeclaredIn(refs, loop) ||
                    WaitsForAll(wait, refs) ||
                    MayChange(loop, wait, refs))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, wait.Syntax.GetLocation(), refs.Name));
            },
            OperationKind.Invocation);
    }

    /// <summary><c>Ray.Wait</c> or <c>Ray.WaitAsync</c>: the async form returns the same split, so the same loop spins.</summary>
    internal static bool IsRayWait(RaySymbols symbols, IInvocationOperation call) =>
        call.TargetMethod.Name is "Wait" or "WaitAsync" && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Ray);

    /// <summary>The local, parameter or field an operation reads, if it is just that.</summary>
    internal static ISymbol? VariableOf(IOperation? operation) => BlockingGetSites.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>A local declared inside the loop is a new list on every pass, not the one the loop spins on.</summary>
    private static bool IsDeclaredIn(ISymbol refs, ILoopOperation loop) =>
        refs is ILocalSymbol && refs.DeclaringSyntaxReferences.Any(r => loop.Syntax.Span.Contains(r.Span));

    /// <summary><c>numReturns: refs.Count</c>: a loop that polls until every ref is ready (with a timeout) does not spin.</summary>
    private static bool WaitsForAll(IInvocationOperation wait, ISymbol refs) =>
        BlockingGetSites.Unwrap(BlockingGetSites.Argument(wait, "numReturns")?.Value) is IPropertyReferenceOperation { Property.Name: "Count" or "Length" } count &&
        SymbolEqualityComparer.Default.Equals(VariableOf(count.Instance), refs);

    /// <summary>
    /// True when anything in the loop may change <paramref name="refs"/>: an assignment or deconstruction into it, a
    /// <c>ref</c>/<c>out</c> use, a method called on it (<c>Remove</c>, …), or passing it to a method other than this Wait.
    /// </summary>
    private static bool MayChange(ILoopOperation loop, IInvocationOperation wait, ISymbol refs)
    {
        foreach (var operation in loop.Descendants())
        {
            if (!SymbolEqualityComparer.Default.Equals(VariableOf(operation), refs))
            {
                continue;
            }

            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation argument when argument.Parent == wait:
                case IPropertyReferenceOperation:
                case IArrayElementReferenceOperation:
                    continue;
                default:
                    return true;
            }
        }

        return false;
    }
}
