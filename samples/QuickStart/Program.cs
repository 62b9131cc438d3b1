using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using QuickStart;
using RaySharp;

// The seed tutorial, cell by cell: ordinary C# made parallel with [RayRemote].
Ray.Init(new RayOptions { NumCpus = 8 });
var ids = Enumerable.Range(0, 10).ToList();
var timeout = TimeSpan.FromSeconds(30); // a blocking Get without one hangs for ever if a task never finishes (RAY0206)
var clock = Stopwatch.StartNew();

Console.WriteLine("1. Serial: GetDatum for ids 0-9, one after another");
var serial = ids.Select(id => Tutorial.GetDatum(id, Tutorial.ReferenceData)).ToList();
Console.WriteLine($"   {string.Join(", ", serial)}");
Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

Console.WriteLine("2. Remote tasks, reference data in the object store, NumCpus = 8");
var referenceData = Ray.Put(Tutorial.ReferenceData);
clock.Restart();
var refs = ids.Select(id => Tutorial.Remote.GetRefDatum(id, referenceData)).ToList();
var parallel = Ray.Get(refs, timeout);
Console.WriteLine($"   {string.Join(", ", parallel)}");
Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s, same data as serial: {parallel.SequenceEqual(serial)}");

Console.WriteLine("3. A Wait loop: each result as soon as it is ready");
clock.Restart();
IReadOnlyList<ObjectRef<Datum>> pending = ids.Select(id => Tutorial.Remote.GetRefDatum(id, referenceData)).ToList();
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
var pairs = new[] { 2, 4, 6 }.Select(id => Tutorial.Remote.GetRefDatum2(Tutorial.Remote.GetRefDatum(id, referenceData), referenceData)).ToList();
foreach (var (first, second) in Ray.Get(pairs, timeout))
{
    Console.WriteLine($"   ({first}, {second})");
}

Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

Console.WriteLine("5. An actor: the ReferenceDataTracker counts requests per reference datum");
var tracker = ReferenceDataTracker.Remote.New();
for (var run = 1; run <= 2; run++)
{
    clock.Restart();
    Ray.Get(ids.Select(id => Tutorial.Remote.GetTrackedDatum(id, referenceData, tracker)).ToList(), timeout);
    Console.WriteLine($"   Run {run}: counts [{string.Join(", ", tracker.Counts().Get(timeout))}] after {clock.Elapsed.TotalSeconds:0.000} s");
}

Ray.Shutdown();
