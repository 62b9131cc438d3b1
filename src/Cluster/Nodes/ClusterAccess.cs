using System;
using System.Security.Cryptography;
using System.Text;

namespace RaySharp.Cluster.Nodes;

/// <summary>
/// What a node started in node mode knows about joining: the cluster token every node and driver must present (null:
/// none asked for, as for a silo set up by hand with <c>AddRaySharpNode</c>), the head's silo endpoint new nodes join
/// through, and whether this node is the head.
/// </summary>
internal sealed class ClusterAccess(string? token, string? primarySilo, bool isHead)
{
    /// <summary>The environment variable drivers and nodes read the token from, as <c>RAY_ADDRESS</c> for the address.</summary>
    public const string TokenVariable = "RAY_CLUSTER_TOKEN";

    public string? Token { get; } = token;

    public string? PrimarySilo { get; } = primarySilo;

    public bool IsHead { get; } = isHead;

    /// <summary>A new random token: 32 hex digits (128 bits).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Null when <paramref name="presented"/> opens this cluster; otherwise why not, naming the fix.</summary>
    public string? Refusal(string? presented, string who)
    {
        if (Token is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(presented))
        {
            return $"This RaySharp cluster needs a cluster token, and the {who} presented none. "
                + $"Set {TokenVariable} (a driver: or RayOptions.ClusterToken) to the token the head node printed (or pass --token).";
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Token))
            ? null
            : $"This RaySharp cluster refused the cluster token of the {who}: it is not the one the head node printed. "
                + $"Set {TokenVariable} (a driver: or RayOptions.ClusterToken; a node: or --token) to the head's token.";
    }
}
