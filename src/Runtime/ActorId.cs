using System.Globalization;

namespace RaySharp;

/// <summary>The identity of one actor: plain data, unique across runtimes.</summary>
/// <param name="Owner">The id of the runtime that created the actor.</param>
/// <param name="Sequence">The actor's number within its owner.</param>
public readonly record struct ActorId(ulong Owner, ulong Sequence)
{
    /// <summary>The id as 32 hex digits, owner first.</summary>
    public override string ToString() =>
        Owner.ToString("x16", CultureInfo.InvariantCulture) + Sequence.ToString("x16", CultureInfo.InvariantCulture);
}
