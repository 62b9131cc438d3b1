using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0202LargeArgumentInLoopAnalyzer,
    RaySharp.Analyzers.CodeFixes.Usage.RAY0202LargeArgumentInLoopCodeFix>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0202LargeArgumentInLoopAnalyzerTests
{
    private const string Declarations = """

        public sealed record Model(double[] Weights);

        public enum Mode { Fast, Slow }

        public static partial class Jobs
        {
            [RayRemote]
            public static double Score(int row, double[] weights) => weights[row % weights.Length];

            [RayRemote]
            public static double Eval(Model model, Model baseline) => model.Weights.Length - baseline.Weights.Length;

            [RayRemote]
            public static int Small(int row, Mode mode, string label, ObjectRef<int> seed) => row;
        }
        """;

    /// <summary>The diagnostic at a marked location; its additional locations (the loop, other uses) feed the fix, which the fix tests check.</summary>
    private static DiagnosticResult Flagged(int location) =>
        Verify.Diagnostic().WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task ArrayPassedInAForLoop_IsPutOnceBeforeTheLoop() => Verify.VerifyCodeFixAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static void Run(double[] weights)
            {
                var refs = new List<ObjectRef<double>>();
                for (var row = 0; row < 100; row++)
                {
                    refs.Add(Jobs.Remote.Score(row, {|#0:weights|}));
                }
            }
        }
        """ + Declarations,
        """
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static void Run(double[] weights)
            {
                var refs = new List<ObjectRef<double>>();
                var weightsRef = Ray.Put(weights);
                for (var row = 0; row < 100; row++)
                {
                    refs.Add(Jobs.Remote.Score(row, weightsRef));
                }
            }
        }
        """ + Declarations,
        Flagged(0).WithArguments("weights", "Jobs.Remote.Score"));

    [Fact]
    public Task ObjectsPassedInALinqLambda_ArePutOnceEach() => Verify.VerifyCodeFixAsync(
        """
        using System.Linq;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static double[] Run(Model model, Model baseline)
            {
                var refs = Enumerable.Range(0, 10).Select(i => Jobs.Remote.Eval({|#0:model|}, {|#1:baseline|})).ToList();
                return Ray.Get(refs);
            }
        }
        """ + Declarations,
        """
        using System.Linq;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static double[] Run(Model model, Model baseline)
            {
                var modelRef = Ray.Put(model);
                var baselineRef = Ray.Put(baseline);
                var refs = Enumerable.Range(0, 10).Select(i => Jobs.Remote.Eval(modelRef, baselineRef)).ToList();
                return Ray.Get(refs);
            }
        }
        """ + Declarations,
        Flagged(0).WithArguments("model", "Jobs.Remote.Eval"),
        Flagged(1).WithArguments("baseline", "Jobs.Remote.Eval"));

    [Fact]
    public Task TopLevelProgramWithoutUsing_GetsThePutAndTheImport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.Linq;
                    using App;

                    var weights = new double[16];
                    for (var iteration = 0; iteration < 3; iteration++)
                    {
                        var scores = RaySharp.Ray.Get(Enumerable.Range(0, 4).Select(p => Jobs.Remote.Score(p, {|#0:weights|})).ToList());
                    }
                    """,
                    "namespace App;\nusing RaySharp;\n" + Declarations,
                },
            },
            FixedState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.Linq;
                    using App;
                    using RaySharp;

                    var weights = new double[16];
                    var weightsRef = Ray.Put(weights);
                    for (var iteration = 0; iteration < 3; iteration++)
                    {
                        var scores = RaySharp.Ray.Get(Enumerable.Range(0, 4).Select(p => Jobs.Remote.Score(p, weightsRef)).ToList());
                    }
                    """,
                    "namespace App;\nusing RaySharp;\n" + Declarations,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Flagged(0).WithArguments("weights", "Jobs.Remote.Score"));
        return test.RunAsync();
    }

    [Fact]
    public Task SmallChangingOrPerIterationValues_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static void Run(double[] weights, ObjectRef<double[]> stored, ObjectRef<int> seed, string label)
            {
                const string Constant = "fixed";
                var refs = new List<ObjectRef<double>>();
                foreach (var row in new[] { 1, 2, 3 })
                {
                    refs.Add(Jobs.Remote.Score(row, stored));                 // already a ref
                    _ = Jobs.Remote.Small(row, Mode.Fast, Constant, seed);    // small values
                    _ = Jobs.Remote.Small(row, Mode.Slow, label, seed);       // a string parameter: not known to be large
                    var local = new double[row];
                    refs.Add(Jobs.Remote.Score(row, local));                  // a new array per iteration
                }

                for (var step = 0; step < 3; step++)
                {
                    weights[step] = step;                                     // changed in the loop: each call needs its copy
                    refs.Add(Jobs.Remote.Score(step, weights));
                }

                refs.Add(Jobs.Remote.Score(0, weights));                      // not in a loop
            }
        }
        """ + Declarations);
}
