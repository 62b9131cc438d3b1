using System;
using System.ComponentModel;

namespace RaySharp.CompilerServices;

/// <summary>Finds the n-th non-null ref among a call's arguments.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Dependencies
{
    /// <summary>The <paramref name="index"/>-th non-null entry of <paramref name="refs"/>.</summary>
    public static ObjectRef Pick(int index, params ReadOnlySpan<ObjectRef?> refs)
    {
        foreach (var r in refs)
        {
            if (r is not null && index-- == 0)
            {
                return r;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
