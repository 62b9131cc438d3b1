using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using RaySharp.Analyzers.Usage;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0103's fix: hoists the gets out of the loop when the loop body only accumulates the value
/// (<c>sum += Ray.Get(r);</c> or <c>results.Add(r.Get());</c>). The loop collects the refs in a list declared before it,
/// and a <c>foreach</c> over <c>Ray.Get(list)</c> after it does the accumulating:
/// <code>
/// var squareRefs = new List&lt;ObjectRef&lt;int&gt;&gt;();
/// for (var i = 0; i &lt; n; i++) { squareRefs.Add(Jobs.Remote.Square(i)); }
/// foreach (var value in Ray.Get(squareRefs)) { sum += value; }
/// </code>
/// The get's timeout, if it has one (<c>Ray.Get(r, timeout)</c>), bounds the <c>Ray.Get(list, timeout)</c> after the
/// loop. Offered in methods and in top-level statements; not offered when the value is used in any other way, when the
/// accumulator is read elsewhere in the loop, or when the timeout reads a variable of the loop.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0103HoistGetsCodeFix)), Shared]
public sealed class RAY0103HoistGetsCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0103HoistGetsCodeFix()
        : base(RAY0103GetInSubmitLoopAnalyzer.Id, "HoistGets")
    {
    }

    /// <summary>
    /// Fix All applies the fixes one after another, in document order, so that each sees the names the previous ones
    /// took (two loops calling <c>Square</c> get <c>squareRefs</c> and <c>squareRefs2</c>, where the batch fixer would
    /// declare <c>squareRefs</c> twice). The flagged gets are annotated first, to find them again after each edit.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                marks[root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)] = new SyntaxAnnotation();
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            foreach (var mark in marks.Values)
            {
                var current = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (current?.GetAnnotatedNodes(mark).FirstOrDefault() is { } node)
                {
                    document = await HoistAsync(document, node.Span, context.CancellationToken).ConfigureAwait(false) ?? document;
                }
            }

            return document;
        });

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await HoistAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        Offer(
            context,
            "Get the results after the loop",
            async cancellationToken => await HoistAsync(context.Document, context.Span, cancellationToken).ConfigureAwait(false) ?? context.Document);
    }

    /// <summary>The document with the get at <paramref name="span"/> hoisted, or null when the fix does not apply.</summary>
    private static async Task<Document?> HoistAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { Node: ExpressionSyntax get } site ||
            Plan(site.Symbols, site.Model, get, cancellationToken) is not { } plan)
        {
            return null;
        }

        return document.WithSyntaxRoot(Apply(site.Root, plan, SyntaxGenerator.GetGenerator(document)));
    }

    private sealed record HoistPlan(
        StatementSyntax Loop,
        ExpressionStatementSyntax Accumulate,
        ExpressionSyntax Get,
        ExpressionSyntax Ref,
        INamedTypeSymbol ListType,
        string ListName,
        string ValueName,
        ArgumentSyntax? Timeout);

    private static HoistPlan? Plan(RaySymbols symbols, SemanticModel model, ExpressionSyntax get, CancellationToken cancellationToken)
    {
        if (model.GetOperation(get, cancellationToken) is not { } operation ||
            symbols.FindBlockingMember(operation) is not { Spec.Kind: BlockingKind.Get } ||
            BlockingGetSites.RefOperand(symbols, operation) is not { } reference ||
            !symbols.IsTypedObjectRef(reference.Type, out _) ||
            BlockingGetSites.EnclosingLoop(operation) is not { Syntax: StatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } loop } loopOperation ||
            RAY0103GetInSubmitLoopAnalyzer.SubmittedInIteration(symbols, reference, loopOperation) is not { } submit ||
            get.Parent is not { } parent)
        {
            return null;
        }

        // The statement must be `acc op= GET;` or `acc.Add(GET);`, directly in the loop body.
        var (statement, target) = parent switch
        {
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax s } assignment when assignment.Right == get && !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => (s, assignment.Left),
            ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } access, Parent: ExpressionStatementSyntax s } } } => (s, access.Expression),
            _ => ((ExpressionStatementSyntax?)null, (ExpressionSyntax?)null),
        };
        if (statement is null || target is null || statement.Parent is not BlockSyntax body || body.Parent != loop)
        {
            return null;
        }

        // The accumulator lives outside the loop and is used nowhere else in it; a ref held in a local is used only here.
        if (RootSymbol(model, target, cancellationToken) is not { } accumulator ||
            accumulator.DeclaringSyntaxReferences.Any(r => loop.Span.Contains(r.Span)) ||
            UsesIn(model, loop, accumulator, cancellationToken) != 1 ||
            reference is ILocalReferenceOperation { Local: var refLocal } && UsesIn(model, loop, refLocal, cancellationToken) != 1)
        {
            return null;
        }

        var listType = model.Compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")?.Construct(reference.Type!);
        if (listType is null)
        {
            return null;
        }

        // The user's timeout bounds the one get after the loop; it must not read anything the loop declares.
        var timeout = BlockingGetSites.Argument(operation, "timeout") is { IsImplicit: false, Syntax: ArgumentSyntax argument } ? argument : null;
        if (timeout is not null && timeout.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n =>
                model.GetSymbolInfo(n, cancellationToken).Symbol is { } used && used.DeclaringSyntaxReferences.Any(r => loop.Span.Contains(r.Span))))
        {
            return null;
        }

        // Names are taken in the member, or in the whole file for top-level statements.
        var member = loop.Parent is GlobalStatementSyntax
            ? loop.SyntaxTree.GetRoot(cancellationToken)
            : loop.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)loop.SyntaxTree.GetRoot(cancellationToken);
        var taken = member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToImmutableHashSet();
        var baseName = char.ToLowerInvariant(submit.TargetMethod.Name[0]) + submit.TargetMethod.Name.Substring(1) + "Refs";
        return new HoistPlan(loop, statement, get, (ExpressionSyntax)reference.Syntax, listType, Unique(baseName, taken), Unique("value", taken), timeout);
    }

    private static SyntaxNode Apply(SyntaxNode root, HoistPlan plan, SyntaxGenerator generator)
    {
        var listType = (TypeSyntax)generator.TypeExpression(plan.ListType).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var declare = LocalDeclarationStatement(VariableDeclaration(
            IdentifierName("var"),
            SingletonSeparatedList(VariableDeclarator(plan.ListName).WithInitializer(EqualsValueClause(ObjectCreationExpression(listType).WithArgumentList(ArgumentList()))))));

        // After the loop: foreach (var value in Ray.Get(list)) { <the accumulating statement, reading value> }
        var ray = generator.TypeExpression(RayType(plan)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var getAll = InvocationExpression(
            (ExpressionSyntax)generator.MemberAccessExpression(ray, "Get"),
            ArgumentList(plan.Timeout is null
                ? SingletonSeparatedList(Argument(IdentifierName(plan.ListName)))
                : SeparatedList(new[] { Argument(IdentifierName(plan.ListName)), plan.Timeout.WithoutTrivia() })));
        var accumulate = plan.Accumulate.ReplaceNode(plan.Get, IdentifierName(plan.ValueName).WithTriviaFrom(plan.Get)).WithoutTrivia();
        var after = ForEachStatement(IdentifierName("var"), plan.ValueName, getAll, Block(accumulate));

        var collect = ExpressionStatement(InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(plan.ListName), IdentifierName("Add")),
            ArgumentList(SingletonSeparatedList(Argument(plan.Ref.WithoutTrivia()))))).WithTriviaFrom(plan.Accumulate);

        var newLoop = plan.Loop.ReplaceNode(plan.Accumulate, collect);

        // The declaration takes the loop's leading trivia (blank lines, comments); the loop and the foreach keep only its indentation.
        var leading = plan.Loop.GetLeadingTrivia();
        var indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        // Between global statements the formatter would add a blank line after the declaration: end its line by hand.
        var global = plan.Loop.Parent as GlobalStatementSyntax;
        StatementSyntax[] statements =
        [
            global is null
                ? declare.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation)
                : declare.NormalizeWhitespace().WithLeadingTrivia(leading).WithTrailingTrivia(plan.Loop.GetTrailingTrivia()),
            newLoop.WithLeadingTrivia(indentation),
            after.WithLeadingTrivia(indentation).WithAdditionalAnnotations(Formatter.Annotation),
        ];

        // Top-level statements: each statement is wrapped in its own global statement.
        return global is not null
            ? root.ReplaceNode(global, statements.Select(GlobalStatement))
            : root.ReplaceNode(plan.Loop, statements);
    }

    private static ITypeSymbol RayType(HoistPlan plan) => plan.ListType.TypeArguments[0].ContainingNamespace.GetTypeMembers("Ray").First();

    private static ISymbol? RootSymbol(SemanticModel model, ExpressionSyntax target, CancellationToken cancellationToken)
    {
        var root = target;
        while (root is MemberAccessExpressionSyntax { Expression: var inner } && inner is not ThisExpressionSyntax)
        {
            root = inner;
        }

        return root is IdentifierNameSyntax or MemberAccessExpressionSyntax ? model.GetSymbolInfo(root, cancellationToken).Symbol : null;
    }

    private static int UsesIn(SemanticModel model, SyntaxNode scope, ISymbol symbol, CancellationToken cancellationToken) =>
        scope.DescendantNodes().OfType<IdentifierNameSyntax>().Count(n =>
            n.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol));

    private static string Unique(string name, ImmutableHashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
