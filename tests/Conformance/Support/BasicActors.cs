namespace RaySharp.Conformance.Support;

/// <summary>test_basic.py's <c>Echo</c> actor.</summary>
[RayRemote]
public sealed partial class EchoActor
{
    public int Echo(int value) => value;
}

/// <summary>test_basic.py::test_submit_api's <c>Actor(x, y=0)</c>.</summary>
[RayRemote]
public sealed partial class SubmitApiActor
{
    private readonly int _x;
    private readonly int _y;

    public SubmitApiActor(int x, int y)
    {
        _x = x;
        _y = y;
    }

    public (int, int, string, int) Method(string a, int b) => (_x, _y, a, b);
}
