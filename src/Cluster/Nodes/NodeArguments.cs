using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace RaySharp.Cluster.Nodes;

/// <summary>
/// The node-mode command line: <c>--raysharp-node --head [--port N]</c> or <c>--raysharp-node --address HOST:PORT</c>,
/// with <c>--num-cpus N</c>, <c>--resources JSON</c>, <c>--token T</c>, <c>--node-ip IP</c>, <c>--redis CONNECTION</c>,
/// and <c>--exit-with PID</c>.
/// </summary>
internal sealed record NodeArguments
{
    public const string Marker = "--raysharp-node";

    /// <summary>The head's gateway port when none is given (drivers and nodes connect to it).</summary>
    public const int DefaultHeadPort = 30000;

    public bool Head { get; init; }

    /// <summary>This node's gateway port; 0 or null picks a free one (null is 30000 for the head).</summary>
    public int? Port { get; init; }

    /// <summary>The gateway of a node already in the cluster (host:port), for a node that is not the head.</summary>
    public string? Address { get; init; }

    public double? NumCpus { get; init; }

    public Dictionary<string, double>? Resources { get; init; }

    public string? Token { get; init; }

    public IPAddress NodeIp { get; init; } = IPAddress.Loopback;

    public string? Redis { get; init; }

    public int? ExitWith { get; init; }

    /// <exception cref="ArgumentException">An unknown option, a missing or malformed value, or neither/both of --head and --address.</exception>
    public static NodeArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new NodeArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"The node option {name} needs a value.");
            parsed = name switch
            {
                Marker => parsed,
                "--head" => parsed with { Head = true },
                "--port" => parsed with { Port = ParsePort(Value(), name) },
                "--address" => parsed with { Address = Value() },
                "--num-cpus" => parsed with { NumCpus = ParseCpus(Value()) },
                "--resources" => parsed with { Resources = ParseResources(Value()) },
                "--token" => parsed with { Token = Value() },
                "--node-ip" => parsed with { NodeIp = ParseIp(Value()) },
                "--redis" => parsed with { Redis = Value() },
                "--exit-with" => parsed with { ExitWith = ParsePort(Value(), name, int.MaxValue) },
                _ => throw new ArgumentException(
                    $"Unknown node option '{name}'. Node options: --head, --port, --address, --num-cpus, --resources, --token, --node-ip, --redis, --exit-with."),
            };
        }

        if (parsed.Head == (parsed.Address is not null) && parsed.Redis is null)
        {
            throw new ArgumentException("A node needs either --head (start a new cluster) or --address HOST:PORT (join the cluster whose node listens there), not both.");
        }

        if (parsed.Address is not null)
        {
            ParseAddress(parsed.Address);
        }

        return parsed with { Port = parsed.Head && parsed.Port is null ? DefaultHeadPort : parsed.Port };
    }

    /// <summary>Parses <c>--resources</c>: a JSON object of resource name → amount, such as <c>{"GPU": 1}</c>.</summary>
    /// <exception cref="ArgumentException">Not such an object, or a negative amount.</exception>
    public static Dictionary<string, double> ParseResources(string json)
    {
        Dictionary<string, double>? resources;
        try
        {
            resources = JsonSerializer.Deserialize<Dictionary<string, double>>(json);
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"--resources must be a JSON object of resource name to amount, such as '{{\"GPU\": 1}}'; '{json}' is not ({error.Message}).", error);
        }

        if (resources is null)
        {
            throw new ArgumentException($"--resources must be a JSON object of resource name to amount, such as '{{\"GPU\": 1}}'; '{json}' is not.");
        }

        foreach (var (name, amount) in resources)
        {
            if (amount < 0 || double.IsNaN(amount) || string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"--resources: '{name}' = {amount} is not a resource name with an amount of zero or more.");
            }
        }

        return resources;
    }

    /// <summary>Parses <c>host:port</c> into an endpoint (a host name is looked up).</summary>
    /// <exception cref="ArgumentException">Not host:port with a port from 1 to 65535, or a host that does not resolve.</exception>
    public static IPEndPoint ParseAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon > 0 && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            var host = address[..colon];
            if (IPAddress.TryParse(host, out var ip))
            {
                return new IPEndPoint(ip, port);
            }

            try
            {
                return new IPEndPoint(Dns.GetHostAddresses(host)[0], port);
            }
            catch (Exception error) when (error is System.Net.Sockets.SocketException or IndexOutOfRangeException)
            {
                throw new ArgumentException($"The cluster address '{address}': the host '{host}' does not resolve.", error);
            }
        }

        throw new ArgumentException($"The cluster address '{address}' is not host:port (for example 127.0.0.1:{DefaultHeadPort}).");
    }

    private static int ParsePort(string value, string name, int max = 65535) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port >= 0 && port <= max
            ? port
            : throw new ArgumentException($"{name} must be a number from 0 to {max}; '{value}' is not.");

    private static double ParseCpus(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var cpus) && cpus >= 0
            ? cpus
            : throw new ArgumentException($"--num-cpus must be a number of zero or more; '{value}' is not.");

    private static IPAddress ParseIp(string value) =>
        IPAddress.TryParse(value, out var ip) ? ip : throw new ArgumentException($"--node-ip must be an IP address such as 127.0.0.1; '{value}' is not.");
}
