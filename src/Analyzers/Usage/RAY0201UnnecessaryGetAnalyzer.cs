using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0201: the value of a ref is fetched (<c>Ray.Get(r)</c>, <c>r.Get()</c>, <c>await r</c>) only to be passed to
/// another remote call, directly or through a local read exactly once. Passing the ref itself makes the task wait for
/// it instead of the caller. See <c>docs/diagnostics/RAY0201.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0201UnnecessaryGetAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0201";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Pass the ref instead of getting its value for another remote call",
        "The value of '{0}' is fetched only to be passed to remote call '{1}': pass the ref itself, and the task receives the value when it is ready without the caller waiting for it",
        DiagnosticSeverity.Warning,
        "A remote stub accepts either a value or an ObjectRef of it for every parameter. Fetching a value only to pass it on makes the caller wait for the first task, and copies the value through the caller; passing the ref makes the second task depend on the first, and the scheduler hands it the value when it is ready.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols ray)
    {
        var symbols = DataRuleSymbols.From(ray);
        start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation, OperationKind.Await);
    }

    /// <summary>
    /// For a fetch (<see cref="RefFetch"/>), the remote call its value is passed to, directly or through a local that is
    /// read only there, as an argument whose parameter accepts the fetched ref; null otherwise.
    /// </summary>
    internal static IInvocationOperation? FindRemoteConsumer(IOperation fetch, IOperation fetchedRef, DataRuleSymbols symbols)
    {
        if (!symbols.Ray.IsTypedObjectRef(fetchedRef.Type, out var refValueType))
        {
            return null;
        }

        var consumer = SkipImplicitConversions(fetch);
        if (consumer.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Declarators.Length: 1 } } declarator } &&
            SingleUse(declarator) is { } use)
        {
            consumer = SkipImplicitConversions(use);
        }

        return consumer.Parent is IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call } &&
               symbols.Ray.IsRemoteCall(call) &&
               symbols.ValueTypeAcceptingRef(call.TargetMethod, parameter) is { } valueType &&
               SymbolEqualityComparer.Default.Equals(refValueType, valueType)
            ? call
            : null;
    }

    private static void Analyze(OperationAnalysisContext context, DataRuleSymbols symbols)
    {
        var fetch = context.Operation;
        if (RefFetch.FetchedRef(fetch, symbols.Ray) is { } reference && FindRemoteConsumer(fetch, reference, symbols) is { } call)
        {
            var callee = call.Syntax is InvocationExpressionSyntax invocation ? invocation.Expression.ToString() : call.TargetMethod.Name;
            context.ReportDiagnostic(Diagnostic.Create(Rule, fetch.Syntax.GetLocation(), reference.Syntax.ToString(), callee));
        }
    }

    /// <summary>The only reference to the local that <paramref name="declarator"/> declares, or null when there are others.</summary>
    private static IOperation? SingleUse(IVariableDeclaratorOperation declarator)
    {
        IOperation root = declarator;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        IOperation? use = null;
        foreach (var reference in SymbolUses.ReferencesTo(root, declarator.Symbol))
        {
            if (use is not null)
            {
                return null;
            }

            use = reference;
        }

        return use;
    }

    private static IOperation SkipImplicitConversions(IOperation operation)
    {
        while (operation.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion;
        }

        return operation;
    }
}
