using System.Collections.Generic;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// The bytes of one object this node serves to others, and the nodes that pulled a copy. An argument's source lives
/// while its entry does (its owner frees the copies then); a result's until the node that pulled it says it is done.
/// </summary>
internal sealed class ObjectSource(byte[] bytes, bool isResult)
{
    private readonly HashSet<string> _holders = [];

    public byte[] Bytes { get; } = bytes;

    public bool IsResult { get; } = isResult;

    public void AddHolder(string node)
    {
        lock (_holders)
        {
            _holders.Add(node);
        }
    }

    public void RemoveHolder(string node)
    {
        lock (_holders)
        {
            _holders.Remove(node);
        }
    }

    public string[] Holders()
    {
        lock (_holders)
        {
            return [.. _holders];
        }
    }
}
