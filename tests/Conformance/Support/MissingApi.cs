using System;
using System.Reflection;

namespace RaySharp.Conformance.Support;

/// <summary>
/// Reads a member RaySharp does not have yet (a known defect), so a skipped port can keep Ray's real assertion and
/// compile; it throws <see cref="MissingMemberException"/> until the member exists, then reads it.
/// </summary>
internal static class MissingApi
{
    public static T Property<T>(object target, string name)
    {
        var property = target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException(target.GetType().Name, name);
        return (T)property.GetValue(target)!;
    }
}
