using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using RaySharp.Analyzers.Usage;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0102's fix: passes the refs that are not ready back into the variable.
/// <list type="bullet">
/// <item><c>Ray.Wait(refs);</c> becomes <c>(_, refs) = Ray.Wait(refs);</c></item>
/// <item><c>var (ready, _) = Ray.Wait(refs);</c> and <c>(var ready, _) = …</c> become <c>(var ready, refs) = Ray.Wait(refs);</c></item>
/// <item>the same for <c>await Ray.WaitAsync(refs)</c>.</item>
/// <item><c>var (ready, rest) = …;</c> gets <c>refs = rest;</c> after it, and <c>var result = …;</c> gets <c>refs = result.NotReady;</c></item>
/// </list>
/// Offered only when the variable's type can hold the rest that Wait returns for it: an <c>IReadOnlyList</c>, or a new
/// <c>List&lt;T&gt;</c> or array when a list or an array was passed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0102ReassignNotReadyCodeFix)), Shared]
public sealed class RAY0102ReassignNotReadyCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0102ReassignNotReadyCodeFix()
        : base(RAY0102WaitWithoutReassignmentAnalyzer.Id, "Reassign")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FindAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not { Node: InvocationExpressionSyntax wait, Operation: IInvocationOperation operation } site ||
            RAY0102WaitWithoutReassignmentAnalyzer.VariableOf(BlockingGetSites.FirstArgument(operation)) is not { } refs ||
            !CanHoldNotReady(site.Model.Compilation, operation, refs) ||
            Rewrite(site.Root, Site(wait), refs.Name) is not { } newRoot)
        {
            return;
        }

        Offer(context, $"Reassign '{refs.Name}' from the refs that are not ready", _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)));
    }

    private static bool CanHoldNotReady(Compilation compilation, IInvocationOperation wait, ISymbol refs)
    {
        var variableType = refs switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol { IsReadOnly: false } field => field.Type,
            _ => null,
        };
        // WaitAsync's ValueTask<WaitResult<T>> holds the same result.
        var result = wait.Type as INamedTypeSymbol;
        if (wait.TargetMethod.Name == "WaitAsync")
        {
            result = result is { TypeArguments.Length: 1 } task ? task.TypeArguments[0] as INamedTypeSymbol : null;
        }

        var notReady = result?.GetMembers("NotReady").FirstOrDefault() as IPropertySymbol;
        return variableType is not null && notReady is not null && compilation.ClassifyConversion(notReady.Type, variableType).IsImplicit;
    }

    /// <summary>The expression that gives the result: <c>await Ray.WaitAsync(…)</c> for the async form, else the call.</summary>
    private static ExpressionSyntax Site(InvocationExpressionSyntax wait) => wait.Parent is AwaitExpressionSyntax awaited ? awaited : wait;

    private static SyntaxNode? Rewrite(SyntaxNode root, ExpressionSyntax wait, string refs)
    {
        switch (wait.Parent)
        {
            // Ray.Wait(refs); → (_, refs) = Ray.Wait(refs);
            case ExpressionStatementSyntax:
                return root.ReplaceNode(wait, Deconstruct(IdentifierName("_"), refs, wait).WithTriviaFrom(wait));

            // var result = Ray.Wait(refs); → + refs = result.NotReady;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when
                declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }:
                return InsertAfter(root, statement, refs, MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(declarator.Identifier.ValueText), IdentifierName("NotReady")));

            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment when assignment.Right == wait:
                var (ready, rest) = Parts(assignment.Left);
                if (ready is null || rest is null)
                {
                    return null;
                }

                // var (ready, _) = … → (var ready, refs) = …;  var (ready, rest) = … → + refs = rest;
                return rest.Value is null
                    ? root.ReplaceNode(assignment.Left, TupleExpression(SeparatedList(new[] { Argument(ready), Argument(IdentifierName(refs)) })).WithTriviaFrom(assignment.Left))
                    : InsertAfter(root, statement, refs, IdentifierName(rest.Value));

            default:
                return null;
        }
    }

    /// <summary>The ready part as a declaration or target, and the name of the rest (its value null for a discard).</summary>
    private static (ExpressionSyntax? Ready, RestName? RestPart) Parts(ExpressionSyntax left)
    {
        switch (left)
        {
            case DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax { Variables.Count: 2 } designation } declaration
                when designation.Variables[0] is SingleVariableDesignationSyntax first:
                return (
                    DeclarationExpression(declaration.Type.WithoutTrivia(), first.WithoutTrivia()),
                    designation.Variables[1] switch
                    {
                        DiscardDesignationSyntax => new RestName(null),
                        SingleVariableDesignationSyntax second => new RestName(second.Identifier.ValueText),
                        _ => null,
                    });
            case TupleExpressionSyntax { Arguments.Count: 2 } tuple:
                return (
                    tuple.Arguments[0].Expression.WithoutTrivia(),
                    tuple.Arguments[1].Expression switch
                    {
                        IdentifierNameSyntax { Identifier.ValueText: "_" } => new RestName(null),
                        DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax } => new RestName(null),
                        DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax second } => new RestName(second.Identifier.ValueText),
                        IdentifierNameSyntax second => new RestName(second.Identifier.ValueText),
                        _ => null,
                    });
            default:
                return (null, null);
        }
    }

    private static AssignmentExpressionSyntax Deconstruct(ExpressionSyntax ready, string refs, ExpressionSyntax wait) =>
        AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            TupleExpression(SeparatedList(new[] { Argument(ready), Argument(IdentifierName(refs)) })),
            wait.WithoutTrivia());

    private static SyntaxNode? InsertAfter(SyntaxNode root, StatementSyntax statement, string refs, ExpressionSyntax value)
    {
        if (statement.Parent is not BlockSyntax)
        {
            return null;
        }

        var reassign = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(refs), value))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return root.InsertNodesAfter(statement, new[] { reassign });
    }

    /// <summary>A name that may be absent (a discard).</summary>
    private sealed class RestName
    {
        public RestName(string? value) => Value = value;

        public string? Value { get; }
    }
}
