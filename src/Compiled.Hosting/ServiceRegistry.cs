using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compiled.Hosting;

/// <summary>Registers each pipeline the session describes as a singleton service: the session's own instance.</summary>
internal sealed class ServiceRegistry<TSession>(IServiceCollection services) : IPipelineRegistry<TSession> where TSession : Session
{
    public void Add<TPipeline>(Func<TSession, TPipeline> pipeline) where TPipeline : class, IPipelineContract<TPipeline> =>
        services.TryAddSingleton(provider => pipeline(provider.GetRequiredService<TSession>()));
}
