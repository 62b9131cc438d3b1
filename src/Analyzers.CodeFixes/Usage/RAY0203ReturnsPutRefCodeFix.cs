using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0203, single ref: changes <c>ObjectRef&lt;T&gt; M(…) { return Ray.Put(x); }</c> into <c>T M(…) { return x; }</c>
/// (also under <c>Task</c>/<c>ValueTask</c>). Offered only when every return of the method is a direct <c>Put</c>;
/// tuples and collections of refs have no automatic fix (the message says what to write instead).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0203ReturnsPutRefCodeFix)), Shared]
public sealed class RAY0203ReturnsPutRefCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0203ReturnsPutRefCodeFix()
        : base(RAY0203ReturnsPutRefAnalyzer.Id, "ReturnTheValue")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.ContainsKey(RAY0203ReturnsPutRefAnalyzer.SingleRefProperty))
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method ||
            ValueTypeSyntax(method.ReturnType) is not { } valueType ||
            ReturnedPuts(method) is not { } puts)
        {
            return;
        }

        Offer(context, "Return the value instead of a ref to it", ct => FixAsync(context.Document, method, valueType, puts, ct));
    }

    /// <summary>The <c>T</c> of a return type written <c>ObjectRef&lt;T&gt;</c>, <c>Task&lt;ObjectRef&lt;T&gt;&gt;</c> or <c>ValueTask&lt;ObjectRef&lt;T&gt;&gt;</c>.</summary>
    private static TypeSyntax? ValueTypeSyntax(TypeSyntax returnType)
    {
        var type = returnType is QualifiedNameSyntax qualified ? qualified.Right : returnType;
        if (type is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } task)
        {
            type = task.TypeArgumentList.Arguments[0] is QualifiedNameSyntax inner ? inner.Right : task.TypeArgumentList.Arguments[0];
        }

        return type is GenericNameSyntax { Identifier.ValueText: "ObjectRef", TypeArgumentList.Arguments.Count: 1 } objectRef
            ? objectRef.TypeArgumentList.Arguments[0]
            : null;
    }

    /// <summary>Every returned <c>Put(x)</c> of the method, or null when some return is anything else.</summary>
    private static List<InvocationExpressionSyntax>? ReturnedPuts(MethodDeclarationSyntax method)
    {
        var returned = method.ExpressionBody is { } arrow
            ? new List<ExpressionSyntax?> { arrow.Expression }
            : method.Body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>().Select(r => r.Expression).ToList();
        if (returned is null || returned.Count == 0)
        {
            return null;
        }

        var puts = new List<InvocationExpressionSyntax>();
        foreach (var expression in returned)
        {
            if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Put" }, ArgumentList.Arguments.Count: 1 } put)
            {
                return null;
            }

            puts.Add(put);
        }

        return puts;
    }

    private static async Task<Document> FixAsync(Document document, MethodDeclarationSyntax method, TypeSyntax valueType, List<InvocationExpressionSyntax> puts, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var put in puts)
        {
            replacements[put] = put.ArgumentList.Arguments[0].Expression.WithTriviaFrom(put);
        }

        // ObjectRef<T> (or RaySharp.ObjectRef<T>) becomes T, inside Task<…> if it was there.
        SyntaxNode objectRef = valueType.Parent!.Parent!;
        if (objectRef.Parent is QualifiedNameSyntax qualified && qualified.Right == objectRef)
        {
            objectRef = qualified;
        }

        replacements[objectRef] = valueType.WithTriviaFrom(objectRef);
        var fixedMethod = method.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        return document.WithSyntaxRoot(root!.ReplaceNode(method, fixedMethod));
    }
}
