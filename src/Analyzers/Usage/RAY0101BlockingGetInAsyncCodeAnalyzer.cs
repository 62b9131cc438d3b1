using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0101: a blocking get inside an <c>async</c> method, an async lambda or local function, or an async actor method
/// (a method of a <c>[RayRemote]</c> class returning <c>Task</c> or <c>ValueTask</c>). It holds a thread the async code
/// was meant to give back (Ray's "ray.get/ray.wait in coroutines"); see <c>docs/diagnostics/RAY0101.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0101BlockingGetInAsyncCodeAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0101";

    /// <summary>Set in the diagnostic's properties when the enclosing function is <c>async</c>, so <c>await</c> can replace the get.</summary>
    public const string CanAwaitProperty = "CanAwait";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Await refs in async code instead of blocking",
        "'{0}' blocks a thread inside async code '{1}': await instead ('await r', 'await Ray.GetAsync(refs)' for a list, 'await Ray.WaitAsync(refs)' for Ray.Wait)",
        DiagnosticSeverity.Warning,
        "A blocking get (Ray.Get, ObjectRef.Get, Ray.Wait, WaitReady, or .Result, .Wait() or .GetAwaiter().GetResult() on a ref's task) inside async code holds a thread while the ref is not ready. Async code exists to give that thread back; blocking it starves the thread pool and the actor's scheduler, as ray.get does in a Ray coroutine.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                if (symbols.FindBlockingMember(c.Operation) is not { } blocking || BlockingGetSites.PollsOnly(c.Operation) ||
                    BlockingGetSites.RefOperand(symbols, c.Operation) is { } reference && BlockingGetSites.IsKnownReady(symbols, reference))
                {
                    return;
                }

                var function = BlockingGetSites.EnclosingFunction(c.Operation, c.ContainingSymbol);
                if (function is null || !(function.IsAsync || IsAsyncActorMethod(symbols, function)) || IsConsoleEntryPoint(c.Compilation, function, c.CancellationToken))
                {
                    return;
                }

                var properties = function.IsAsync
                    ? ImmutableDictionary<string, string?>.Empty.Add(CanAwaitProperty, "true")
                    : ImmutableDictionary<string, string?>.Empty;
                c.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    c.Operation.Syntax.GetLocation(),
                    properties,
                    blocking.Type.Name + "." + blocking.Spec.MemberName,
                    function.MethodKind == MethodKind.AnonymousFunction ? "lambda" : function.Name));
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference);
    }

    /// <summary>
    /// A console program's <c>Main</c>, or its top-level statements: no synchronization context, no actor and no task
    /// runs there, so a blocking get holds only the main thread, which has nothing else to do.
    /// </summary>
    private static bool IsConsoleEntryPoint(Compilation compilation, IMethodSymbol function, CancellationToken cancellationToken) =>
        compilation.Options.OutputKind == OutputKind.ConsoleApplication &&
        SymbolEqualityComparer.Default.Equals(function, compilation.GetEntryPoint(cancellationToken));

    /// <summary>A method of an actor class that returns a task: the actor runs it as async code even without <c>async</c>.</summary>
    private static bool IsAsyncActorMethod(RaySymbols symbols, IMethodSymbol function) =>
        function is { MethodKind: MethodKind.Ordinary, IsStatic: false } &&
        BlockingGetSites.IsTaskLike(function.ReturnType) &&
        function.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.RayRemoteAttribute));
}
