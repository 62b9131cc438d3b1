using Microsoft.CodeAnalysis.Diagnostics;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// The common start of the usage analyzers (RAY0101 and up): concurrent, not in generated code, and silent unless
/// RaySharp is referenced. Each rule resolves nothing itself and registers its actions in
/// <see cref="Register"/> with the compilation's <see cref="RaySymbols"/>.
/// </summary>
public abstract class UsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RaySymbols.TryCreate(start.Compilation) is { } symbols)
            {
                Register(start, symbols);
            }
        });
    }

    /// <summary>Registers the rule's actions for one compilation that references RaySharp.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, RaySymbols symbols);
}
