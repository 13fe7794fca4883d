using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Compiled.Hosting;

/// <summary>Registers a Compiled project's session and pipelines with dependency injection.</summary>
public static class CompiledServiceCollectionExtensions
{
    /// <summary>
    /// Registers the project's session as a singleton, created on first use from <see cref="CompiledSessionOptions"/>
    /// (bound from the configuration section <c>Compiled</c>, then <paramref name="configure"/>), with logging
    /// through the application's <c>ILoggerFactory</c>, tracing (<see cref="TracingHook"/>) and every
    /// <see cref="PipelineHook"/> registered as a service; each of its pipelines as a singleton service
    /// (<c>PredictPipeline</c>, …); a hosted service that creates the session and preloads its artifacts when the
    /// application starts, so that the first request pays for neither; and a health check (<c>compiled:{Session}</c>,
    /// tagged <c>ready</c>) that is healthy once the session exists and its artifacts are loaded.
    /// </summary>
    /// <typeparam name="TSession">The project's generated session, such as <c>SpaceflightsSession</c>.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes the options after they are read from configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCompiledSession<TSession>(this IServiceCollection services, Action<CompiledSessionOptions>? configure = null)
        where TSession : Session, ISessionContract<TSession>
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = SessionFactory.OptionsName<TSession>();
        services.AddOptions();
        services.AddSingleton<IConfigureOptions<CompiledSessionOptions>>(provider =>
            new ConfigureNamedOptions<CompiledSessionOptions>(name, options =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    CompiledSessionOptionsBinder.Bind(configuration.GetSection(CompiledSessionOptions.SectionName), options);
                }

                if (provider.GetService<IHostEnvironment>() is { } environment && options.ProjectPath is { } path && !Path.IsPathRooted(path))
                {
                    options.ProjectPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
                }
            }));
        if (configure is not null) services.Configure(name, configure);

        services.TryAddSingleton(SessionFactory.Create<TSession>);
        TSession.DescribePipelines(new ServiceRegistry<TSession>(services));
        services.TryAddSingleton<PreloadState<TSession>>();
        services.AddHostedService<ArtifactPreloader<TSession>>();
        services.AddHealthChecks().AddCheck<CompiledHealthCheck<TSession>>($"compiled:{typeof(TSession).Name}", tags: ["ready"]);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            // After the application's own resolvers: metadata for outputs of primitive types (double, string, …).
            if (!options.SerializerOptions.TypeInfoResolverChain.Contains(HostingJsonContext.Default))
            {
                options.SerializerOptions.TypeInfoResolverChain.Add(HostingJsonContext.Default);
            }
        });
        return services;
    }
}
