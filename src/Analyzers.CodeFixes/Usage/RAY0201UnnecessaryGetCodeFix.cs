using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0201: replaces the fetch (<c>Ray.Get(r)</c>, <c>r.Get()</c>, <c>await r</c>) with the ref. When the value went
/// through a local read once, the local is inlined if the ref is a local or parameter that is never reassigned;
/// otherwise the local keeps the ref instead of the value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0201UnnecessaryGetCodeFix)), Shared]
public sealed class RAY0201UnnecessaryGetCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0201UnnecessaryGetCodeFix()
        : base(RAY0201UnnecessaryGetAnalyzer.Id, "PassTheRef")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var fetch = root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf()
            .OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == context.Span);
        if (fetch is null || FetchedRef(fetch) is not { } reference)
        {
            return;
        }

        Offer(context, "Pass the ref itself", ct => FixAsync(context.Document, fetch, reference, ct));
    }

    /// <summary>
    /// The ref in a fetch the analyzer flagged (see <see cref="RefFetch"/>), read from the syntax: <c>Ray.Get(r, …)</c>,
    /// <c>r.Get(…)</c>, <c>await r</c>, <c>await r.GetAsync(…)</c>, <c>await Ray.GetAsync(r, …)</c>, with <c>ConfigureAwait</c>.
    /// </summary>
    private static ExpressionSyntax? FetchedRef(ExpressionSyntax fetch)
    {
        if (fetch is AwaitExpressionSyntax awaited)
        {
            var awaitable = Unparenthesize(awaited.Expression);
            if (awaitable is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configured })
            {
                awaitable = Unparenthesize(configured.Expression);
            }

            return awaitable is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAsync" } } asyncGet
                ? RefOf(asyncGet)
                : awaitable;
        }

        return fetch is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Get" } } get ? RefOf(get) : null;
    }

    private static ExpressionSyntax? RefOf(InvocationExpressionSyntax get)
    {
        var access = (MemberAccessExpressionSyntax)get.Expression;
        var onRay = access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Ray" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Ray" } or AliasQualifiedNameSyntax { Name.Identifier.ValueText: "Ray" };
        if (!onRay)
        {
            return access.Expression;
        }

        var first = get.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon is null || a.NameColon.Name.Identifier.ValueText == "reference");
        return first?.Expression;
    }

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax fetch, ExpressionSyntax reference, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var replacement = reference.WithoutTrivia().WithTriviaFrom(fetch);
        if (fetch.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ||
            declarator.Parent is not VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } declaration)
        {
            editor.ReplaceNode(fetch, replacement);
            return editor.GetChangedDocument();
        }

        var local = editor.SemanticModel.GetDeclaredSymbol(declarator, cancellationToken);
        var body = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax) ?? statement.Parent!;
        var use = body.DescendantNodes().OfType<IdentifierNameSyntax>()
            .FirstOrDefault(n => n.Identifier.ValueText == declarator.Identifier.ValueText &&
                                 SymbolEqualityComparer.Default.Equals(editor.SemanticModel.GetSymbolInfo(n, cancellationToken).Symbol, local));
        if (use is not null && CanInline(reference, editor.SemanticModel, body, cancellationToken))
        {
            editor.RemoveNode(statement);
            editor.ReplaceNode(use, reference.WithoutTrivia().WithTriviaFrom(use));
            return editor.GetChangedDocument();
        }

        // Keep the local, holding the ref: 'var x = r;' (an explicit value type would no longer fit).
        editor.ReplaceNode(fetch, replacement);
        if (!declaration.Type.IsVar)
        {
            editor.ReplaceNode(declaration.Type, SyntaxFactory.IdentifierName("var").WithTriviaFrom(declaration.Type));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The ref can move to the use: it is a local or parameter that is never assigned after its declaration.</summary>
    private static bool CanInline(ExpressionSyntax reference, SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        var fetchedRef = model.GetOperation(reference, cancellationToken);
        if (fetchedRef is not (ILocalReferenceOperation or IParameterReferenceOperation) || SymbolUses.Referenced(fetchedRef) is not { } symbol)
        {
            return false;
        }

        foreach (var name in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == symbol.Name &&
                model.GetOperation(name, cancellationToken) is { } use &&
                SymbolEqualityComparer.Default.Equals(SymbolUses.Referenced(use), symbol) &&
                SymbolUses.IsWrite(use))
            {
                return false;
            }
        }

        return true;
    }
}
