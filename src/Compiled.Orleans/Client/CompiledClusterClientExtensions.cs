using System.Runtime.CompilerServices;
using Compiled.Orleans.Client;
using Compiled.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Compiled.Orleans;

/// <summary>Typed remote pipelines from an Orleans cluster client.</summary>
public static class CompiledClusterClientExtensions
{
    private static readonly ConditionalWeakTable<IClusterClient, ClusterDispatcher> Dispatchers = new();

    /// <summary>
    /// Configures the client's remote runs (<see cref="CompiledClientOptions"/>): the JSON metadata shared with the silos and the timeouts.
    /// Gives up connecting after <see cref="CompiledClientOptions.ConnectTimeout"/> with a <see cref="RemotePipelineException"/> naming the cluster (an <see cref="IClientConnectionRetryFilter"/> the
    /// application registers after this call replaces that) and sets Orleans' response timeout of the client's calls to <see cref="CompiledClientOptions.CallTimeout"/>.
    /// </summary>
    /// <param name="client">The client builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The client builder.</returns>
    public static IClientBuilder AddCompiledClient(this IClientBuilder client, Action<CompiledClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.Configure(configure);
        client.Services.AddSingleton<IClientConnectionRetryFilter, ConnectTimeoutFilter>();
        // A call in flight through a gateway that died never answers: the remote runs learn when a gateway connection closes.
        client.Services.AddSingleton<GatewayConnections>();
        client.Services.TryAddSingleton<RunReply>();
        client.AddGatewayCountChangedHandler(services => services.GetRequiredService<GatewayConnections>().OnGatewayCountChanged);
        // A call's timeout is Orleans' response timeout.
        client.Services.AddOptions<ClientMessagingOptions>().PostConfigure<IOptions<CompiledClientOptions>>((messaging, compiled) =>
            messaging.ResponseTimeout = compiled.Value.CallTimeout);
        return client;
    }

    /// <summary>
    /// The pipeline <typeparamref name="TPipeline"/>, run on the cluster's silos: call its generated <c>RunAsync</c>,
    /// <c>SweepAsync</c> and <c>BatchAsync</c> as on a local session (<c>await client.Pipeline&lt;PredictPipeline&gt;().RunAsync(features)</c>).
    /// </summary>
    /// <typeparam name="TPipeline">A <c>[Pipeline]</c> class of a project the silos run (<see cref="CompiledSiloBuilderExtensions.AddCompiledSession{TSession}"/>).</typeparam>
    /// <param name="client">A started cluster client.</param>
    public static RemotePipeline<TPipeline> Pipeline<TPipeline>(this IClusterClient client) where TPipeline : class, IPipelineContract<TPipeline>
    {
        ArgumentNullException.ThrowIfNull(client);
        var dispatcher = Dispatchers.GetValue(client, static c =>
            new ClusterDispatcher(c, c.ServiceProvider.GetService<IOptions<CompiledClientOptions>>()?.Value ?? new CompiledClientOptions()));
        return new OrleansRemotePipeline<TPipeline>(dispatcher);
    }
}
