using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using RaySharp.Analyzers.Usage;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Tests.Usage.RaySymbolsTests.ProbeAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace RaySharp.Analyzers.Tests.Usage;

/// <summary>
/// The shared recognizers of the usage rules, over generated stubs: what is a remote call, a blocking get, and remote
/// code. A probe analyzer reports each recognition so the markup shows exactly what was recognized.
/// </summary>
public class RaySymbolsTests
{
    [Fact]
    public Task RecognizesRemoteCallsBlockingGetsAndRemoteCode() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RaySharp;

        namespace App;

        public static partial class Jobs
        {
            [RayRemote]
            public static int {|#9:Square|}(int x) => x * x;

            [RayRemote]
            public static int {|#0:Twice|}(ObjectRef<int> r) => {|#1:r.Get()|} * 2;

            public static async Task<int> Driver(ObjectRef<int> r, List<ObjectRef<int>> refs)
            {
                var a = {|#2:Jobs.Remote.Square(3)|};
                var counter = Counter.Remote.New();
                var b = {|#3:counter.Add(1)|};
                int sum = {|#4:Ray.Get(a)|} + {|#5:b.GetAsync().Result|} + {|#6:a.GetAwaiter().GetResult()|};
                {|#7:Ray.Wait(refs)|};
                var awaited = await a;
                var plain = Task.FromResult(1).Result;
                return sum + awaited + plain;
            }
        }

        [RayRemote]
        public partial class Counter
        {
            private int _total;

            public int {|#8:Add|}(int x) => _total += x;
        }
        """,
        Probe("remote code", 0),
        Probe("blocking Get", 1),
        Probe("remote call", 2),
        Probe("remote call", 3),
        Probe("blocking Get", 4),
        Probe("blocking Get", 5),
        Probe("blocking Get", 6),
        Probe("blocking Wait", 7),
        Probe("remote code", 8),
        Probe("remote code", 9));

    private static DiagnosticResult Probe(string what, int location) => Verify.Diagnostic().WithLocation(location).WithArguments(what);

    /// <summary>Reports what <see cref="RaySymbols"/> recognizes: remote calls, blocking members, remote-code methods.</summary>
    /// <remarks>A test-only probe, never shipped: the rules for shipped analyzers (RS1036, RS1038, RS1041, RS2008) do not apply.</remarks>
#pragma warning disable RS1036, RS1038, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProbeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_probe = new("PROBE", "Probe", "{0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_probe];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (RaySymbols.TryCreate(start.Compilation) is not { } symbols)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation is IInvocationOperation invocation && symbols.IsRemoteCall(invocation))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(s_probe, c.Operation.Syntax.GetLocation(), "remote call"));
                        }

                        if (symbols.FindBlockingMember(c.Operation) is { } blocking)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(s_probe, c.Operation.Syntax.GetLocation(), "blocking " + blocking.Spec.Kind));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
                start.RegisterSymbolAction(
                    c =>
                    {
                        if (c.Symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method &&
                            symbols.IsInRemoteCode(method) && method.Locations[0].IsInSource)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(s_probe, method.Locations[0], "remote code"));
                        }
                    },
                    SymbolKind.Method);
            });
        }
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
