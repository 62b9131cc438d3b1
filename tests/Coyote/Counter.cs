namespace RaySharp.Coyote;

/// <summary>A sync actor for the actor races.</summary>
[RayRemote]
public sealed partial class Counter
{
    private int _value;

    public int Increment() => ++_value;
}
