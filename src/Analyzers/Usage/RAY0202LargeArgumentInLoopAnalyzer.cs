using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0202: the same large value (an array, a collection, a string built at run time, or any other object) passed by
/// value to a remote call on every iteration of a loop, or of a lambda that runs per item (LINQ, <c>Parallel</c>,
/// <c>ActorPool</c>). Each call serializes and stores another copy; <c>Ray.Put</c> before the loop stores one.
/// See <c>docs/diagnostics/RAY0202.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0202LargeArgumentInLoopAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0202";

    /// <summary>Property with the name of the loop-invariant variable, for the code fix.</summary>
    public const string NameProperty = "Name";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Put a large value passed in a loop into the object store once",
        "'{0}' is passed by value to '{1}' on every iteration, so each call copies it into the object store again: put it there once before the loop with Ray.Put and pass the ref",
        DiagnosticSeverity.Warning,
        "A value argument of a remote call is serialized and stored with the task. Passing the same large value on every iteration stores one copy per call. Put it into the object store once with Ray.Put before the loop and pass the ref: every task then reads the same stored object.");

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
        var call = (IInvocationOperation)context.Operation;
        if (!symbols.Ray.IsRemoteCall(call))
        {
            return;
        }

        foreach (var argument in call.Arguments)
        {
            if (FindRepeatedValue(argument, symbols) is not { } repeated)
            {
                continue;
            }

            // For the code fix: where 'var xRef = Ray.Put(x);' goes (the statement holding the loop), and every other
            // place in that loop where the same value is passed, so that one fix changes them all alike.
            var locations = new List<Location>();
            if (InsertionStatement(repeated.Loop.Syntax) is { } statement)
            {
                locations.Add(statement.GetLocation());
                foreach (var other in SymbolUses.ReferencesTo(repeated.Loop, repeated.Symbol))
                {
                    if (other.Syntax != repeated.Value.Syntax && IsFlaggedUse(other, symbols, repeated.Loop))
                    {
                        locations.Add(other.Syntax.GetLocation());
                    }
                }
            }

            var callee = call.Syntax is InvocationExpressionSyntax invocation ? invocation.Expression.ToString() : call.TargetMethod.Name;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(NameProperty, repeated.Symbol.Name);
            context.ReportDiagnostic(Diagnostic.Create(Rule, repeated.Value.Syntax.GetLocation(), locations, properties, repeated.Value.Syntax.ToString(), callee));
        }
    }

    private static bool IsFlaggedUse(IOperation reference, DataRuleSymbols symbols, IOperation loop)
    {
        var current = reference;
        while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            current = conversion;
        }

        return current.Parent is IArgumentOperation argument && argument.Parent is IInvocationOperation call && symbols.Ray.IsRemoteCall(call) &&
               FindRepeatedValue(argument, symbols) is { } repeated && repeated.Loop == loop;
    }

    /// <summary>
    /// The large variable passed by value for <paramref name="argument"/> of a remote call, and the outermost loop (or
    /// per-item lambda) around the call in which that variable never changes; null when there is none.
    /// </summary>
    private static RepeatedValue? FindRepeatedValue(IArgumentOperation argument, DataRuleSymbols symbols)
    {
        if (argument.Parent is not IInvocationOperation call || argument.Parameter is null ||
            symbols.ValueTypeAcceptingRef(call.TargetMethod, argument.Parameter) is null)
        {
            return null;
        }

        var value = DataRuleSymbols.PassedValue(argument);
        if (!IsStableVariable(value) || SymbolUses.Referenced(value) is not { } symbol || !LargeValues.IsLarge(value, symbol, symbols))
        {
            return null;
        }

        IOperation? loop = null;
        for (var current = call.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation || (current is IAnonymousFunctionOperation lambda && !RunsPerItem(lambda, symbols)))
            {
                break;
            }

            if (current is ILoopOperation or IAnonymousFunctionOperation)
            {
                if (DeclaredWithin(symbol, current) || ChangesWithin(current, symbol))
                {
                    break;
                }

                loop = current;
            }
        }

        return loop is null ? null : new RepeatedValue(value, symbol, loop);
    }

    /// <summary>A local, a parameter, a static field, or a field of <c>this</c>.</summary>
    private static bool IsStableVariable(IOperation value) => value switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation => true,
        IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation,
        _ => false,
    };

    private static bool RunsPerItem(IAnonymousFunctionOperation lambda, DataRuleSymbols symbols) =>
        lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } } &&
        symbols.RunsLambdaPerItem(call.TargetMethod);

    private static bool DeclaredWithin(ISymbol symbol, IOperation scope)
    {
        if (symbol is IFieldSymbol)
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == scope.Syntax.SyntaxTree && scope.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChangesWithin(IOperation scope, ISymbol symbol)
    {
        foreach (var reference in SymbolUses.ReferencesTo(scope, symbol))
        {
            if (SymbolUses.IsWrite(reference) || MutatingMethods.ChangesValue(reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement before which the fix inserts the Put: the loop, or the statement holding the lambda, when it sits in a block.</summary>
    private static StatementSyntax? InsertionStatement(SyntaxNode loop)
    {
        var statement = loop as StatementSyntax ?? loop.Parent?.FirstAncestorOrSelf<StatementSyntax>();
        return statement?.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax ? statement : null;
    }

    private sealed record RepeatedValue(IOperation Value, ISymbol Symbol, IOperation Loop);
}
