using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RaySharp.Hosting;

/// <summary>Adds RaySharp to a Microsoft.Extensions.Hosting app, as Orleans' <c>UseOrleans</c> adds a silo.</summary>
public static class RaySharpServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="RayRuntime"/> singleton that starts when the host starts and shuts down (failing what is
    /// still pending with <see cref="RuntimeShutdownException"/>) when the host stops. The runtime logs to the host's
    /// <see cref="ILoggerFactory"/> (categories in <see cref="RayLogCategories"/>) unless <see cref="RayOptions.LoggerFactory"/> names another.
    /// </summary>
    /// <example><code>
    /// var builder = Host.CreateApplicationBuilder(args);
    /// builder.Services.AddRaySharp(options => options.Ray = new RayOptions { NumCpus = 8 });
    /// </code></example>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets the runtime's options; null for the defaults.</param>
    /// <exception cref="InvalidOperationException">AddRaySharp was already called on these services.</exception>
    public static IServiceCollection AddRaySharp(this IServiceCollection services, Action<RaySharpHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RaySharpHostOptions)))
        {
            throw new InvalidOperationException("AddRaySharp was already called: one host runs one RaySharp runtime. Call it once, with all the options.");
        }

        var options = new RaySharpHostOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var ray = options.Ray.WithDefaultLoggerFactory(provider.GetService<ILoggerFactory>());
            return options.InitializeAmbient ? Ray.Init(ray) : new RayRuntime(ray);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RaySharpHostedService>());
        return services;
    }
}
