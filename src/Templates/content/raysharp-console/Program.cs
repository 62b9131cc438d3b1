using RaySharp;
using RaySharpApp;

Ray.Init(new RayOptions { NumCpus = 4 });
var timeout = TimeSpan.FromSeconds(30);

// Tasks: each .Remote call returns an ObjectRef at once, and the calls run in parallel.
var refs = Enumerable.Range(1, 5).Select(n => Work.Remote.Square(n)).ToList();

// A Wait loop: take each result as soon as it is ready, whatever the order.
IReadOnlyList<ObjectRef<int>> pending = refs;
var sum = 0;
while (pending.Count > 0)
{
    (var ready, pending) = Ray.Wait(pending, timeout: timeout);
    if (ready.Count == 0)
    {
        throw new TimeoutException($"no task finished within {timeout.TotalSeconds} s");
    }

    foreach (var done in ready)
    {
        sum += done.Get();
    }
}

Console.WriteLine($"sum of squares 1..5: {sum}");

// An actor: calls on one handle run in order, so Total sees all three Adds.
var counter = Counter.Remote.New();
for (var i = 0; i < 3; i++)
{
    _ = counter.Add(10); // fire-and-forget: the ref is dropped on purpose
}

Console.WriteLine($"counter total: {counter.Total().Get(timeout)}");

Ray.Shutdown();
