using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Compiled.Hosting;

/// <summary>Maps pipelines as HTTP endpoints.</summary>
public static class PipelineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TPipeline"/> at <c>POST <paramref name="pattern"/></c>. The JSON body is an
    /// object with one property per runtime input (<c>{"features": {…}}</c>), read with the application's HTTP
    /// JSON options and the metadata of their resolvers (no reflection: list the input and output types in a
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> for native AOT), strictly unless
    /// <paramref name="configure"/> turns <see cref="PipelineEndpointOptions.StrictJson"/> off; each query-string
    /// entry <c>path=value</c> overrides a parameter for this run (<c>?model_options.test_size=0.3</c>) when
    /// <paramref name="configure"/> allows it (<see cref="PipelineEndpointOptions.AllowParameterOverrides"/>; none is
    /// allowed by default); each <c>${runtime:name}</c> value of the pipeline comes from the route value <c>{name}</c>
    /// of the pattern (constrain it: <c>/orders/{region:regex(^[a-z]{{2,8}}$)}</c>).
    /// The response is the run's outputs as a JSON object (<c>{"price": 1234.5}</c>) with the run id in the
    /// <see cref="RunIdHeader"/> header. Errors are RFC 7807 problem details: 400 naming the field for a
    /// malformed body, a parameter override or a route value the catalog refuses, 413 for a body over the server's
    /// limit, 415 for a body that is not JSON, 500 with the run id and the node when the run fails.
    /// </summary>
    /// <typeparam name="TPipeline">The pipeline, registered by <see cref="CompiledServiceCollectionExtensions.AddCompiledSession{TSession}"/>.</typeparam>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route pattern, such as <c>/predict</c> or <c>/orders/{region}</c>.</param>
    /// <param name="configure">Sets what the endpoint lets a client do: <c>o =&gt; o.AllowParameterOverrides("model_options.test_size")</c>.</param>
    /// <returns>The endpoint's builder, for <c>RequireAuthorization</c>, <c>RequireRateLimiting</c>, <c>WithName</c> and the other conventions.</returns>
    /// <exception cref="InvalidOperationException">The pattern lacks a route value for a required runtime value of the pipeline.</exception>
    public static IEndpointConventionBuilder MapPipeline<TPipeline>(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern,
        Action<PipelineEndpointOptions>? configure = null)
        where TPipeline : class, IPipelineContract<TPipeline>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var route = RoutePatternFactory.Parse(pattern);
        foreach (var value in TPipeline.RuntimeValues.Where(v => v.IsRequired && route.GetParameter(v.Name) is null))
        {
            throw new InvalidOperationException(
                $"Pipeline '{TPipeline.PipelineName}' needs the runtime value '{value.Name}' (${{runtime:{value.Name}}} in its catalog), " +
                $"but the route '{pattern}' has no {{{value.Name}}} parameter. Add it to the pattern, e.g. '{pattern.TrimEnd('/')}/{{{value.Name}}}'.");
        }

        var options = new PipelineEndpointOptions();
        configure?.Invoke(options);
        var endpoint = new PipelineEndpoint<TPipeline>(endpoints.ServiceProvider, options);
        return endpoints.Map(route, (RequestDelegate)endpoint.HandleAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
            .WithDisplayName($"Pipeline {TPipeline.PipelineName}: POST {pattern}");
    }

    /// <summary>The response header that carries the run id: <c>X-Run-Id</c>.</summary>
    public const string RunIdHeader = "X-Run-Id";
}
