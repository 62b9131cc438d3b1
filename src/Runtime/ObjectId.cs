using System;
using System.Globalization;

namespace RaySharp;

/// <summary>
/// The identity of an object in the store: plain data that stays meaningful in another process.
/// </summary>
/// <remarks>
/// <see cref="Owner"/> names the runtime that created the object (random per runtime), and
/// <see cref="Sequence"/> counts objects within it, so ids from different runtimes never collide.
/// </remarks>
/// <param name="Owner">The id of the runtime that created the object.</param>
/// <param name="Sequence">The object's number within its owner.</param>
public readonly record struct ObjectId(ulong Owner, ulong Sequence)
{
    /// <summary>The id as 32 hex digits, owner first.</summary>
    public override string ToString() =>
        Owner.ToString("x16", CultureInfo.InvariantCulture) + Sequence.ToString("x16", CultureInfo.InvariantCulture);
}
