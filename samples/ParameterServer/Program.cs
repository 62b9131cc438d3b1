using System;
using System.Diagnostics;
using System.Linq;
using ParameterServer;
using RaySharp;

// A parameter server sharded over actors, trained by remote worker tasks: first synchronously, then asynchronously.
const int Dimensions = 16, Shards = 4, Workers = 4, Samples = 8_000, Iterations = 40;
var timeout = TimeSpan.FromSeconds(30); // no blocking Get without a timeout (RAY0206)
Ray.Init();
var data = Dataset.Generate(Samples, Dimensions, seed: 42);
var partitions = Enumerable.Range(0, Workers).Select(w => Ray.Put(data.Partition(w, Workers))).ToArray();
var clock = Stopwatch.StartNew();

Console.WriteLine($"Synchronous training: {Workers} workers, {Shards} shards, {Dimensions} weights");
var shards = NewShards();
for (var iteration = 0; iteration <= Iterations; iteration++)
{
    var weights = Training.Pull(shards);
    if (iteration % 10 == 0)
    {
        Console.WriteLine($"   iteration {iteration,2}: loss {data.Loss(weights):0.000000}");
    }

    // Every worker computes a gradient at the same weights, put into the store once; the server averages them.
    var weightsRef = Ray.Put(weights);
    var gradients = Ray.Get(partitions.Select(p => Training.Remote.ComputeGradient(weightsRef, p)).ToList(), timeout);
    var mean = Enumerable.Range(0, Dimensions).Select(j => gradients.Average(g => g[j])).ToArray();
    Ray.Get(Training.Split(mean, Shards).Select((slice, s) => shards[s].Push(slice)).ToList(), timeout);
}

Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");

Console.WriteLine("Asynchronous training: each worker pulls and pushes on its own, no barrier");
clock.Restart();
shards = NewShards();
var workers = partitions.Select(p => Training.Remote.RunWorker(shards, p, Iterations)).ToList();
var (done, running) = Ray.Wait(workers, numReturns: workers.Count, timeout: TimeSpan.Zero);
while (running.Count > 0)
{
    Console.WriteLine($"   {done.Count} of {Workers} workers done: loss {data.Loss(Training.Pull(shards)):0.000000}");
    (var finished, running) = Ray.Wait(running, numReturns: 1, timeout: TimeSpan.FromMilliseconds(200));
    done = done.Concat(finished).ToList();
}

Console.WriteLine($"   all {Workers} workers done: loss {data.Loss(Training.Pull(shards)):0.000000}");
Console.WriteLine($"   Duration: {clock.Elapsed.TotalSeconds:0.000} s");
Ray.Shutdown();

ParameterShard.Handle[] NewShards()
{
    var size = (Dimensions + Shards - 1) / Shards;
    return Enumerable.Range(0, Shards).Select(_ => ParameterShard.Remote.New(size, learningRate: 0.2)).ToArray();
}
