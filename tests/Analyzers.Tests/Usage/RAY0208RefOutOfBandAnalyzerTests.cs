using System.Threading.Tasks;
using Xunit;
using Verify = RaySharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RaySharp.Analyzers.Usage.RAY0208RefOutOfBandAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace RaySharp.Analyzers.Tests.Usage;

public class RAY0208RefOutOfBandAnalyzerTests
{
    private const string RefAsText = "turns an ObjectRef into text outside RaySharp's serializer, which nothing can turn back into a ref and the runtime cannot track";
    private const string PassTheRef = "pass the ObjectRef itself as a remote argument or result, or keep it in memory under a key of your own";

    private const string Declarations = """

        public static partial class Jobs
        {
            [RayRemote]
            public static int Square(int x) => x * x;

            [RayRemote]
            public static int Lookup(string key) => key.Length;
        }
        """;

    [Fact]
    public Task EmptySource_NoDiagnostic() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task RefsSerializedToJsonOrStoredAsStrings_AreFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Text.Json;
        using RaySharp;

        namespace App;

        public sealed class Registry
        {
            private string _last = "";

            public string Save(ObjectRef<int> r, List<ObjectRef<int>> refs)
            {
                var json = JsonSerializer.Serialize({|#0:r|}) + JsonSerializer.Serialize({|#1:refs|});
                _last = {|#2:r.Id.ToString()|};
                _ = Jobs.Remote.Lookup({|#3:r.ToString()|});
                return {|#4:r.ToString()|};
            }
        }
        """ + Declarations,
        Verify.Diagnostic().WithLocation(0).WithArguments("r", RefAsText, PassTheRef),
        Verify.Diagnostic().WithLocation(1).WithArguments("refs", RefAsText, PassTheRef),
        Verify.Diagnostic().WithLocation(2).WithArguments("r.Id", RefAsText + " once the string is stored or sent", PassTheRef),
        Verify.Diagnostic().WithLocation(3).WithArguments("r", RefAsText + " once the string is stored or sent", PassTheRef),
        Verify.Diagnostic().WithLocation(4).WithArguments("r", RefAsText + " once the string is stored or sent", PassTheRef));

    [Fact]
    public Task ClosuresOverLargeObjectsPutIntoTheStore_AreFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Linq;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static void Run(double[] samples, int scale)
            {
                var work = Ray.Put({|#0:() => samples.Sum() * scale|});
                var named = Ray.Put<Func<double>>({|#1:Total|});

                double Total() => samples.Length;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "samples",
            "is captured by a delegate put into the object store, and a delegate cannot be serialized: it works only inside one process, and its closure would carry the object with it",
            "put the data itself with Ray.Put and pass the ref to a [RayRemote] method that does the work"),
        Verify.Diagnostic().WithLocation(1).WithArguments(
            "samples",
            "is captured by a delegate put into the object store, and a delegate cannot be serialized: it works only inside one process, and its closure would carry the object with it",
            "put the data itself with Ray.Put and pass the ref to a [RayRemote] method that does the work"));

    [Fact]
    public Task LoggingRefsAndClosuresThatStayLocal_AreNotFlagged() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Linq;
        using System.Text.Json;
        using RaySharp;

        namespace App;

        public static class Driver
        {
            public static int Run(ObjectRef<int> r, double[] samples)
            {
                Console.WriteLine(r.ToString());                        // logging
                Console.WriteLine($"waiting for {r}");                  // logging
                var id = r.Id.ToString();                               // a local: not followed
                var json = JsonSerializer.Serialize(new[] { 1, 2 });    // no refs
                var sum = Ray.Put(samples.Sum());                       // a value, not a closure
                Func<double> local = () => samples.Sum();               // a closure that stays local
                var count = samples.Length;
                var small = Ray.Put<Func<int>>(() => count * 2);        // captures only an int
                return id.Length + json.Length + (int)local();
            }
        }
        """);
}
