using System.Linq;
using RaySharp.Analyzers.CodeFixes.Usage;
using RaySharp.Analyzers.Tests.Verifiers;
using Xunit;

namespace RaySharp.Analyzers.Tests.Usage;

/// <summary>Every exported code fix shares <see cref="RaySharpCodeFix"/>: one id each, and one equivalence-key format.</summary>
public class CodeFixConventionTests
{
    [Fact]
    public void EveryFix_HasOneIdAndTheEquivalenceKeyIdDotAction()
    {
        Assert.NotEmpty(AllCodeFixes.All);
        Assert.All(AllCodeFixes.All, fix =>
        {
            var shared = Assert.IsAssignableFrom<RaySharpCodeFix>(fix);
            var id = Assert.Single(fix.FixableDiagnosticIds);
            Assert.Matches("^" + id + @"\.[A-Z][A-Za-z]+$", shared.EquivalenceKey);
        });
        Assert.Equal(AllCodeFixes.All.Count, AllCodeFixes.All.Select(f => ((RaySharpCodeFix)f).EquivalenceKey).Distinct().Count());
    }
}
