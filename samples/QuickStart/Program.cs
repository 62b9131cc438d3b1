using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using QuickStart;
using RaySharp;

// The seed tutorial, cell by cell. Until the source generator lands, Remote.cs holds the stubs it will write.
Ray.Init(new RayOptions { NumCpus = 8 });
var clock = Stopwatch.StartNew();

Console.WriteLine("1. Serial: GetRefDatum for ids 0-9");
var serial = Enumerable.Range(0, 10).Select(id => Tutorial.GetRefDatum(id, Tutorial.ReferenceData)).ToList();
Console.WriteLine($"   {string.Join(", ", serial)}");
Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

Console.WriteLine("2. Remote tasks, reference data in the object store, NumCpus = 8");
var referenceData = Ray.Put(Tutorial.ReferenceData);
clock.Restart();
var parallel = Ray.Get(Enumerable.Range(0, 10).Select(id => Remote.GetRefDatum(id, referenceData)).ToList());
Console.WriteLine($"   {string.Join(", ", parallel)}");
Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s, same data as serial: {parallel.SequenceEqual(serial)}");

Console.WriteLine("3. A Wait loop: each result as soon as it is ready");
clock.Restart();
IReadOnlyList<ObjectRef<Datum>> pending = Enumerable.Range(0, 10).Select(id => Remote.GetRefDatum(id, referenceData)).ToList();
while (pending.Count > 0)
{
    (var ready, pending) = Ray.Wait(pending, numReturns: 1, timeout: TimeSpan.FromSeconds(5));
    foreach (var done in ready)
    {
        Console.WriteLine($"   {done.Get()} at {clock.Elapsed.TotalSeconds:0.000} s");
    }
}

Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

Console.WriteLine("4. Task dependencies: refs passed straight into GetRefDatum2");
clock.Restart();
var pairs = new[] { 2, 4, 6 }.Select(id => Remote.GetRefDatum2(Remote.GetRefDatum(id, referenceData), referenceData)).ToList();
foreach (var (first, second) in Ray.Get(pairs))
{
    Console.WriteLine($"   ({first}, {second})");
}

Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");
Console.WriteLine("5. The ReferenceDataTracker actor arrives with actor support (see the README's status table).");
Ray.Shutdown();
