using System;
using System.Collections.Generic;
using System.Threading;
using MessagePack;
using MessagePack.Formatters;

namespace RaySharp.Serialization;

/// <summary>
/// One runtime's serialization options: its own <see cref="RayOptions.FormatterResolvers"/> ahead of the
/// process-wide registrations, bound to the runtime so refs and handles read back there. Rebuilt once after each
/// <see cref="RaySerializer.Register"/>.
/// </summary>
internal sealed class RuntimeSerializer(RayRuntime runtime, IReadOnlyList<IFormatterResolver> own)
{
    [ThreadStatic]
    private static RuntimeSerializer? t_active;

    private Built? _built;

    /// <summary>The serializer a runtime entered on this thread for an explicit call on it (such as <see cref="RayRuntime.Put{T}"/>).</summary>
    public static RuntimeSerializer? Active => t_active;

    public MessagePackSerializerOptions Options
    {
        get
        {
            var built = Volatile.Read(ref _built);
            var version = RaySerializer.Version;
            if (built is null || built.Version != version)
            {
                built = new Built(version, RaySerializer.CreateOptions(own, runtime));
                Volatile.Write(ref _built, built);
            }

            return built.Options;
        }
    }

    /// <summary>Makes this the active serializer on this thread until the returned scope is disposed.</summary>
    public Scope Enter() => new(this);

    /// <summary>Restores the previously active serializer when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly RuntimeSerializer? _previous;

        internal Scope(RuntimeSerializer serializer)
        {
            _previous = t_active;
            t_active = serializer;
        }

        public void Dispose() => t_active = _previous;
    }

    private sealed record Built(int Version, MessagePackSerializerOptions Options);
}
