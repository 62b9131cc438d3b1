namespace RaySharp;

/// <summary>The value of a remote call that returns nothing (<c>void</c>, <c>Task</c> or <c>ValueTask</c>).</summary>
public readonly record struct Unit
{
    /// <summary>The one unit value.</summary>
    public static Unit Value => default;

    /// <summary>Always <c>()</c>.</summary>
    public override string ToString() => "()";
}
