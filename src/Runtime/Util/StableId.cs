using System.Text;

namespace RaySharp.Util;

/// <summary>A 64-bit FNV-1a hash of a name: the same in every process, for ids of functions the runtime defines itself.</summary>
internal static class StableId
{
    public static ulong Of(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
