using System;

namespace RaySharp.Dashboard;

/// <summary>Where and how <see cref="RayDashboard"/> serves (Ray's <c>--dashboard-host</c> and <c>--dashboard-port</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The address to bind: an IP address or <c>localhost</c>. Default <c>127.0.0.1</c> (loopback only); any other address is warned about.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port. Default 8265, Ray's; 0 picks a free port (read it from <see cref="RayDashboard.Url"/>).</summary>
    public int Port { get; init; } = 8265;

    /// <summary>How often the dashboard reads the runtime's state and pushes what changed to the page (or, where the
    /// page cannot stream, how often it polls). Default one second.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where warnings go (binding beyond loopback). Default: standard error.</summary>
    public Action<string>? Warn { get; init; }
}
