using System;
using System.Collections.Generic;
using System.Linq;
using RaySharp;
using RaySharp.CompilerServices;
using RaySharp.Serialization;

namespace Consumer;

/// <summary>
/// Exercises what a user of the package touches: remote calls through the generated Calc.Remote stubs, a ref passed as
/// an argument, Put/Get/Wait, and RaySerializer round trips (the Point formatter is generated). Prints fixed lines;
/// the check scripts compare them with ../expected-output.txt.
/// </summary>
public static class Program
{
    public static int Main()
    {
        Ray.Init(new RayOptions { NumCpus = 2 });
        try
        {
            // A remote call through the stub, and its ref passed on as a dependency.
            var sum = Calc.Remote.Add(2, 3);
            Console.WriteLine($"add: {sum.Get(TimeSpan.FromSeconds(30))}");
            var squared = Calc.Remote.Square(sum);
            Console.WriteLine($"square of add: {Ray.Get(squared, TimeSpan.FromSeconds(30))}");

            // Put once, fan out, drain with Wait.
            var factors = Ray.Put(new[] { 1, 10, 100 });
            IReadOnlyList<ObjectRef<int>> pending = Enumerable.Range(0, 6).Select(id => Calc.Remote.Scale(id, factors)).ToList();
            var results = new List<int>();
            while (pending.Count > 0)
            {
                (var ready, pending) = Ray.Wait(pending, timeout: TimeSpan.FromSeconds(30));
                if (ready.Count == 0)
                {
                    Console.WriteLine("wait: timed out");
                    return 1;
                }

                results.AddRange(ready.Select(r => r.Get()));
            }

            results.Sort();
            Console.WriteLine($"scaled: [{string.Join(", ", results)}]");
            Console.WriteLine($"get all: [{string.Join(", ", Ray.Get(new[] { Calc.Remote.Add(1, 1), Calc.Remote.Add(2, 2) }))}]");
            Console.WriteLine($"norm1: {Calc.Remote.Norm1(new Point(3, -4)).Get(TimeSpan.FromSeconds(30))}");

            // Serialization of a few values through RaySerializer.
            Console.WriteLine($"serialize int: {RaySerializer.Deserialize<int>(RaySerializer.Serialize(42))}");
            Console.WriteLine($"serialize string: {RaySerializer.Deserialize<string>(RaySerializer.Serialize("hello"))}");
            Console.WriteLine($"serialize long[]: [{string.Join(", ", RaySerializer.Deserialize<long[]>(RaySerializer.Serialize(new[] { 1L, 2L, 3L })))}]");
            Console.WriteLine($"serialize Point: {RaySerializer.Deserialize<Point>(RaySerializer.Serialize(new Point(3, 4)))}");

            // The object store: a ref round trip through MessagePack, and objects spilled to disk and read back.
            var factorsBack = RaySerializer.Deserialize<ObjectRef<int[]>>(RaySerializer.Serialize(factors));
            Console.WriteLine($"serialize ref: {factorsBack.Equals(factors)}, [{string.Join(", ", factorsBack.Get())}]");
            using (var small = new RayRuntime(new RayOptions { ObjectStoreMemory = 3_000_000 }))
            using (small.MakeCurrent())
            {
                var large = Enumerable.Range(0, 3).Select(i => Ray.Put(Enumerable.Repeat((long)i, 200_000).ToArray())).ToList();
                var spilled = Ray.State.Memory().ObjectsSpilled;
                Console.WriteLine($"spilled: {spilled > 0}, read back: {large.Select((r, i) => r.Get().All(x => x == i)).All(ok => ok)}");
            }
        }
        finally
        {
            Ray.Shutdown();
        }

        Console.WriteLine("RaySharp consumer: OK");
        return 0;
    }
}
