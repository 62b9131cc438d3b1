using RaySharp;

namespace RaySharpApp;

/// <summary>Remote functions: ordinary static methods. The generator adds <c>Work.Remote</c>, whose calls run as tasks.</summary>
public static partial class Work
{
    [RayRemote]
    public static int Square(int n)
    {
        Thread.Sleep(10 * n); // stands in for real work
        return n * n;
    }
}

/// <summary>An actor: one instance, its own state, its calls run one at a time in the order they were made.</summary>
[RayRemote]
public partial class Counter
{
    private int _total;

    public void Add(int amount) => _total += amount;

    public int Total() => _total;
}
