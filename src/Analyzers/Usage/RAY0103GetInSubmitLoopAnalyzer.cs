using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0103: inside a loop, a blocking get on a ref that a <c>.Remote</c> call made in the same iteration. Each task must
/// finish before the next one is submitted, so the tasks run one after another (Ray's "ray.get in a loop"); see
/// <c>docs/diagnostics/RAY0103.md</c>.
/// </summary>
/// <remarks>
/// Not flagged, for precision: refs submitted before the loop, refs ready by construction (<c>Ray.Put</c>, refs from
/// <c>Ray.Wait</c>), a zero timeout, and a loop where the next call's arguments are computed from an earlier get
/// (<c>x = Ray.Get(Jobs.Remote.Step(x))</c>): that chain is sequential whatever the code does. Only the first blocking
/// call of an iteration is flagged: after one, the iteration is a phase that waits for its work anyway (a timing loop
/// that gets a whole batch, then reads an actor's state), and hoisting a later get would not make anything parallel.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0103GetInSubmitLoopAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0103";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Do not block on a task inside the loop that submits it",
        "'{0}' waits for the task this loop iteration just submitted, so the tasks run one after another: collect the refs in a list inside the loop and get them all after it",
        DiagnosticSeverity.Warning,
        "A remote call returns at once, so a loop of remote calls starts all the tasks in parallel. A blocking get on each ref inside that loop waits for each task before the next is submitted, which makes the work sequential, as ray.get in a loop does in Ray. Submit everything first, then get the results.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                if (symbols.FindBlockingMember(c.Operation) is not { } blocking || BlockingGetSites.PollsOnly(c.Operation) ||
                    BlockingGetSites.RefOperand(symbols, c.Operation) is not { } reference ||
                    BlockingGetSites.EnclosingLoop(c.Operation) is not { } loop ||
                    SubmittedInIteration(symbols, reference, loop) is not { } submit ||
                    DependsOnEarlierGet(symbols, submit, loop) ||
                    FollowsAnotherWait(symbols, c.Operation, loop))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), blocking.Type.Name + "." + blocking.Spec.MemberName));
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference);
    }

    /// <summary>
    /// The remote call that made <paramref name="reference"/> in this iteration of <paramref name="loop"/>: the call itself
    /// (<c>Ray.Get(Jobs.Remote.Square(i))</c>), or the initializer of a local declared in the loop body
    /// (<c>var r = Jobs.Remote.Square(i);</c>).
    /// </summary>
    internal static IInvocationOperation? SubmittedInIteration(RaySymbols symbols, IOperation reference, ILoopOperation loop)
    {
        switch (reference)
        {
            case IInvocationOperation call when symbols.IsRemoteCall(call):
                return call;
            case ILocalReferenceOperation { Local: var local } when reference.SemanticModel is { } model:
                foreach (var declaration in local.DeclaringSyntaxReferences)
                {
                    if (loop.Body.Syntax.Span.Contains(declaration.Span) &&
                        declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                        BlockingGetSites.Unwrap(model.GetOperation(initializer)) is IInvocationOperation call &&
                        symbols.IsRemoteCall(call))
                    {
                        return call;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>True when an earlier blocking call in the same iteration already waits: the iteration is a phase.</summary>
    private static bool FollowsAnotherWait(RaySymbols symbols, IOperation get, ILoopOperation loop) =>
        loop.Body.Descendants().Any(o =>
            o.Syntax.Span.End <= get.Syntax.SpanStart &&
            symbols.FindBlockingMember(o) is not null &&
            BlockingGetSites.EnclosingLoop(o) == loop);

    /// <summary>True when an argument of the remote call is a variable that the loop sets from a blocking get: a chain.</summary>
    private static bool DependsOnEarlierGet(RaySymbols symbols, IInvocationOperation submit, ILoopOperation loop)
    {
        var inputs = submit.Descendants().OfType<ILocalReferenceOperation>().Select(r => (ISymbol)r.Local)
            .Concat(submit.Descendants().OfType<IParameterReferenceOperation>().Select(r => (ISymbol)r.Parameter))
            .ToImmutableHashSet(SymbolEqualityComparer.Default);
        if (inputs.IsEmpty)
        {
            return false;
        }

        foreach (var operation in loop.Body.Descendants())
        {
            var (target, value) = operation switch
            {
                IAssignmentOperation assignment => (assignment.Target, assignment.Value),
                IVariableDeclaratorOperation { Initializer: { } initializer } declarator => ((IOperation?)null, initializer.Value),
                _ => (null, null),
            };
            if (value is null)
            {
                continue;
            }

            var assigned = operation is IVariableDeclaratorOperation declared ? declared.Symbol
                : target is ILocalReferenceOperation local ? local.Local
                : target is IParameterReferenceOperation parameter ? (ISymbol)parameter.Parameter
                : null;
            if (assigned is not null && inputs.Contains(assigned) &&
                value.DescendantsAndSelf().Any(o => symbols.FindBlockingMember(o) is not null))
            {
                return true;
            }
        }

        return false;
    }
}
