using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using RaySharp.Analyzers.Usage;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0101's fix: replaces a blocking get in an <c>async</c> function with <c>await</c>: <c>await r</c> for one ref,
/// <c>await Ray.GetAsync(refs)</c> for a list, <c>await t</c> for a ref's task, and <c>await Ray.WaitAsync(…)</c> for
/// <c>Ray.Wait(…)</c> with the same arguments. Not offered for a get with a timeout (await has none to keep), or in an
/// actor method that is not declared <c>async</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0101AwaitInsteadOfBlockingCodeFix)), Shared]
public sealed class RAY0101AwaitInsteadOfBlockingCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0101AwaitInsteadOfBlockingCodeFix()
        : base(RAY0101BlockingGetInAsyncCodeAnalyzer.Id, "Await")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.ContainsKey(RAY0101BlockingGetInAsyncCodeAnalyzer.CanAwaitProperty))
        {
            return;
        }

        if (await FindAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not { Node: ExpressionSyntax node, Operation: { } operation } site ||
            Awaitable(site.Symbols, operation) is not { } awaited)
        {
            return;
        }

        Offer(context, "Use await", _ => Task.FromResult(context.Document.WithSyntaxRoot(site.Root.ReplaceNode(node, Await(awaited).WithTriviaFrom(node)))));
    }

    /// <summary>What to await instead of <paramref name="operation"/>, or null when there is no faithful async form.</summary>
    private static ExpressionSyntax? Awaitable(RaySymbols symbols, IOperation operation)
    {
        if (symbols.FindBlockingMember(operation) is not { } blocking)
        {
            return null;
        }

        // Ray.Wait(args) → await Ray.WaitAsync(args): the same arguments, the timeout included.
        if (blocking.Spec.MemberName == "Wait" && SymbolEqualityComparer.Default.Equals(blocking.Type, symbols.Ray))
        {
            return operation is IInvocationOperation { Syntax: InvocationExpressionSyntax wait } ? WaitAsync(symbols, wait) : null;
        }

        if (BlockingGetSites.Argument(operation, "timeout") is { ArgumentKind: not ArgumentKind.DefaultValue })
        {
            return null;
        }

        switch (operation)
        {
            // Ray.Get(refs) → await Ray.GetAsync(refs); Ray.Get(r) → await r.
            case IInvocationOperation { Instance: null, Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax } call
                when blocking.Spec.MemberName == "Get" && SymbolEqualityComparer.Default.Equals(blocking.Type, symbols.Ray):
                var first = BlockingGetSites.FirstArgument(call);
                if (first is null)
                {
                    return null;
                }

                return symbols.IsObjectRef(first.Type)
                    ? (ExpressionSyntax)first.Syntax
                    : InvocationExpression(
                        access.WithName(IdentifierName("GetAsync")),
                        ArgumentList(SingletonSeparatedList(Argument((ExpressionSyntax)first.Syntax))));

            case IInvocationOperation { Instance: null }:
                return null;

            // r.Get(), r.WaitReady() → await r; t.Wait() → await t.
            case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "Get" or "WaitReady", Arguments.Length: 0 or 1 }:
                return (ExpressionSyntax)instance.Syntax;
            case IInvocationOperation { Instance: { } task, TargetMethod.Name: "Wait", Arguments.Length: 0 }:
                return (ExpressionSyntax)task.Syntax;

            // x.GetAwaiter().GetResult() → await x.
            case IInvocationOperation { Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaitable } }:
                return (ExpressionSyntax)awaitable.Syntax;

            // t.Result → await t.
            case IPropertyReferenceOperation { Instance: { } task }:
                return (ExpressionSyntax)task.Syntax;

            default:
                return null;
        }
    }

    /// <summary><c>Ray.Wait(…)</c> renamed to <c>Ray.WaitAsync(…)</c>, type arguments kept; null if the runtime referenced has no <c>WaitAsync</c>.</summary>
    private static InvocationExpressionSyntax? WaitAsync(RaySymbols symbols, InvocationExpressionSyntax wait)
    {
        if (symbols.Ray.GetMembers("WaitAsync").IsEmpty)
        {
            return null;
        }

        return wait.Expression switch
        {
            MemberAccessExpressionSyntax access => wait.WithExpression(access.WithName(access.Name.WithIdentifier(Identifier("WaitAsync")))),
            SimpleNameSyntax name => wait.WithExpression(name.WithIdentifier(Identifier("WaitAsync").WithTriviaFrom(name.Identifier))),
            _ => null,
        };
    }

    /// <summary><c>(await x)</c>, with the parentheses removed by the simplifier where they are not needed.</summary>
    private static ParenthesizedExpressionSyntax Await(ExpressionSyntax awaited) =>
        ParenthesizedExpression(AwaitExpression(awaited.WithoutTrivia())).WithAdditionalAnnotations(Simplifier.Annotation);
}
