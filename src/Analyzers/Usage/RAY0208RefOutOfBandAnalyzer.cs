using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0208: data that leaves through a side door. Either an <c>ObjectRef</c> (or its <c>ObjectId</c>) serialized out of
/// band, to JSON or XML or to a string that is stored or returned; or a lambda or local function, with a large object
/// in its closure, put into the object store, the only way a closure can travel toward remote code in RaySharp
/// (delegate parameters and results are RAY0003). No code fix: the message explains. See <c>docs/diagnostics/RAY0208.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0208RefOutOfBandAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for suppressions.</summary>
    public const string Id = "RAY0208";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Do not move refs or captured objects around RaySharp's serializer",
        "'{0}' {1}: {2}",
        DiagnosticSeverity.Warning,
        "An ObjectRef is a handle the runtime tracks; only RaySharp's own serializer (a remote argument or result, or Ray.Put) keeps it meaningful. Its id written to JSON, XML or a string cannot be turned back into a ref, and the runtime does not know the copy exists. Likewise a delegate cannot be serialized: a closure put into the object store works only inside one process, and would carry everything it captured.");

    private const string RefAsText = "turns an ObjectRef into text outside RaySharp's serializer, which nothing can turn back into a ref and the runtime cannot track";
    private const string PassTheRef = "pass the ObjectRef itself as a remote argument or result, or keep it in memory under a key of your own";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols ray)
    {
        var symbols = DataRuleSymbols.From(ray);
        start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DataRuleSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (symbols.IsTextSerializer(method))
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = DataRuleSymbols.PassedValue(argument);
                if (symbols.IsRefOrIdOrCollectionOfThem(value.Type))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), value.Syntax.ToString(), RefAsText, PassTheRef));
                }
            }
        }
        else if (method.Name == "ToString" && invocation.Instance is { } instance && symbols.IsRefOrIdOrCollectionOfThem(instance.Type) &&
                 IsStoredOrSent(invocation, symbols))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), instance.Syntax.ToString(), RefAsText + " once the string is stored or sent", PassTheRef));
        }
        else if (symbols.Ray.IsPut(invocation) && invocation.Arguments.Length == 1 && Closure(DataRuleSymbols.PassedValue(invocation.Arguments[0]), invocation) is { } body)
        {
            var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in body.Descendants())
            {
                if (SymbolUses.Referenced(operation) is { } captured and (ILocalSymbol or IParameterSymbol) &&
                    !IsDeclaredWithin(captured, body.Syntax) && LargeValues.IsLarge(operation, captured, symbols) && reported.Add(captured))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        invocation.Arguments[0].Syntax.GetLocation(),
                        captured.Name,
                        "is captured by a delegate put into the object store, and a delegate cannot be serialized: it works only inside one process, and its closure would carry the object with it",
                        "put the data itself with Ray.Put and pass the ref to a [RayRemote] method that does the work"));
                }
            }
        }
    }

    /// <summary>The string is returned, assigned to a field, property or element, or passed to a remote call or serializer.</summary>
    private static bool IsStoredOrSent(IOperation text, DataRuleSymbols symbols)
    {
        var current = text;
        while (current.Parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IReturnOperation => true,
            IAssignmentOperation assignment => assignment.Value == current && assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation,
            IArgumentOperation { Parent: IInvocationOperation call } => symbols.Ray.IsRemoteCall(call) || symbols.IsTextSerializer(call.TargetMethod),
            _ => false,
        };
    }

    /// <summary>The body of the lambda or local function that <paramref name="value"/> makes a delegate of, or null.</summary>
    private static IOperation? Closure(IOperation value, IOperation site)
    {
        if (value is not IDelegateCreationOperation creation)
        {
            return null;
        }

        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                return lambda.Body;
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                var root = site;
                while (root.Parent is { } parent)
                {
                    root = parent;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is ILocalFunctionOperation local && SymbolEqualityComparer.Default.Equals(local.Symbol, reference.Method.OriginalDefinition))
                    {
                        return local.Body ?? local.IgnoredBody;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsDeclaredWithin(ISymbol symbol, SyntaxNode body)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == body.SyntaxTree && body.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
