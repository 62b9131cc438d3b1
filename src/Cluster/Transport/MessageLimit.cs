using System;
using System.Globalization;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// The size a spec may have to travel: Orleans refuses a message over its maximum body size (100 MB by default), and a
/// refused one-way or gateway message could otherwise leave its task waiting forever.
/// </summary>
internal static class MessageLimit
{
    /// <summary>Orleans' default <c>MessagingOptions.MaxMessageBodySize</c>, less 1 MiB for the batch around the spec.</summary>
    public const int MaxSpecBytes = 104_857_600 - (1 << 20);

    /// <summary>Throws when <paramref name="spec"/> is too large to send, naming its size, the limit and what to do.</summary>
    /// <exception cref="InvalidOperationException">The spec is over <see cref="MaxSpecBytes"/>.</exception>
    public static void CheckSpec(byte[] spec)
    {
        if (spec.Length > MaxSpecBytes)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "its spec is {0:F1} MB, over the {1:F1} MB one message can carry (Orleans' maximum message size, 100 MB by default). Arguments "
                + "sent from a driver travel inside the spec: create large data in a task on a node and pass its ref, or pass it in parts.",
                spec.Length / 1e6,
                MaxSpecBytes / 1e6));
        }
    }
}
