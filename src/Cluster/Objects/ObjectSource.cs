using System.Collections.Generic;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// The bytes of one object this node serves to others, and the nodes that pulled a copy. An argument's source lives
/// while its entry does (its owner frees the copies then); a result's until its owner releases it (or dies).
/// </summary>
/// <param name="bytes">The value's bytes.</param>
/// <param name="isResult">A large result of a task another node sent here.</param>
/// <param name="owner">For a result, the node that sent the task and owns the result; else null.</param>
internal sealed class ObjectSource(byte[] bytes, bool isResult, string? owner = null)
{
    private readonly HashSet<string> _holders = [];

    public byte[] Bytes { get; } = bytes;

    public bool IsResult { get; } = isResult;

    public string? Owner { get; } = owner;

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
