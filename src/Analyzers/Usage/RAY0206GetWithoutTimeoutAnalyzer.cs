using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0206: a blocking get or wait that takes a <c>timeout</c> but gets none, in code that is not a test. Without one,
/// a lost worker or a stuck task hangs the caller for ever; see <c>docs/diagnostics/RAY0206.md</c>, which also says
/// how test code is recognized.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0206GetWithoutTimeoutAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0206";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Pass a timeout to blocking gets",
        "'{0}' waits without a timeout and hangs for ever if the task never finishes: pass a timeout, such as timeout: TimeSpan.FromSeconds(30)",
        DiagnosticSeverity.Info,
        "A blocking get or wait with no timeout waits for ever. If the task that makes the object hangs, or its worker is lost, the caller hangs too, with nothing in the logs. In production code, pass a timeout and handle GetTimeoutException.");

    /// <summary>Assemblies whose reference makes a project a test project.</summary>
    private static readonly ImmutableHashSet<string> s_testFrameworks = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core");

    /// <summary>Attributes (by name) that mark a test method or test class.</summary>
    private static readonly ImmutableHashSet<string> s_testAttributes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "FactAttribute", "TheoryAttribute", "TestAttribute", "TestCaseAttribute", "TestMethodAttribute", "DataTestMethodAttribute", "TestClassAttribute", "TestFixtureAttribute");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        if (start.Compilation.ReferencedAssemblyNames.Any(a => s_testFrameworks.Contains(a.Name)))
        {
            return;
        }

        start.RegisterOperationAction(
            c =>
            {
                if (symbols.FindBlockingMember(c.Operation) is not { } blocking ||
                    BlockingGetSites.Argument(c.Operation, "timeout") is not { } timeout || !IsMissing(timeout) ||
                    BlockingGetSites.EnclosingFunction(c.Operation, c.ContainingSymbol) is { IsAsync: true } ||
                    BlockingGetSites.RefOperand(symbols, c.Operation) is { } reference && BlockingGetSites.IsKnownReady(symbols, reference) ||
                    IsTestCode(c.ContainingSymbol))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), blocking.Type.Name + "." + blocking.Spec.MemberName));
            },
            OperationKind.Invocation);
    }

    /// <summary>No timeout: the argument is left out or is <c>null</c>.</summary>
    internal static bool IsMissing(IArgumentOperation timeout) =>
        timeout.ArgumentKind == ArgumentKind.DefaultValue ||
        BlockingGetSites.Unwrap(timeout.Value) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    /// <summary>A test method, or a member of a test class, marked by a test framework's attribute.</summary>
    private static bool IsTestCode(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass is { } type && s_testAttributes.Contains(type.Name)))
            {
                return true;
            }
        }

        return false;
    }
}
