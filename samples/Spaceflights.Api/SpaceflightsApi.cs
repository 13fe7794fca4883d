using System.Text.Json;
using System.Text.Json.Serialization;
using Compiled.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Spaceflights.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Spaceflights.Api;

/// <summary>
/// The Spaceflights prediction API: <c>POST /predict</c> with one shuttle's features returns its predicted
/// price, computed by the Spaceflights project's <c>predict</c> pipeline with the trained regressor loaded
/// once, at startup. <c>GET /health</c> reports whether the session is ready, its environment and the regressor's state.
/// </summary>
public static class SpaceflightsApi
{
    /// <summary>Builds the application from command-line arguments, <c>appsettings.json</c> and environment variables.</summary>
    /// <param name="args">
    /// The command line, e.g. <c>--urls http://127.0.0.1:5080</c>, <c>--Compiled:ProjectPath ../Spaceflights</c>,
    /// <c>--ApiKey secret</c> (then <c>/predict</c> requires the header <c>X-Api-Key: secret</c>).
    /// </param>
    public static WebApplication Create(string[] args) => Create(args, predict: null);

    /// <summary>The largest body <c>POST /predict</c> accepts, in bytes: 64 KB.</summary>
    public const long MaxPredictBodySize = 64 * 1024;

    /// <summary>Builds the application, with <paramref name="predict"/> changing the options of <c>/predict</c> (tests allow overrides with it).</summary>
    /// <param name="args">The command line, as for <see cref="Create(string[])"/>.</param>
    /// <param name="predict">Changes what <c>/predict</c> lets a client do; null for the defaults (no parameter overrides, strict JSON).</param>
    /// <param name="services">Adds services before the application is built (tests add pipeline hooks with it).</param>
    internal static WebApplication Create(string[] args, Action<PipelineEndpointOptions>? predict, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        services?.Invoke(builder.Services);

        // The predict pipeline's runtime input and output, as snake_case JSON. MapPipeline reads its bodies strictly
        // (an unknown or missing feature is a 400) whatever these options say: nothing to switch on here.
        builder.Services.ConfigureHttpJsonOptions(options => Configure(options));

        // The Spaceflights session (configuration section "Compiled"), its pipelines, the regressor preloaded at startup.
        builder.Services.AddCompiledSession<SpaceflightsSession>(options => options.JsonTypeInfoResolver = ApiJsonContext.Default);

        // An API key, when one is configured, is required for /predict. Authentication without data protection
        // (AddAuthenticationCore, not AddAuthentication): an API key needs no cookie or token protected, and the
        // application need not create or read a key ring when it starts.
        var apiKey = builder.Configuration["ApiKey"];
        builder.Services.AddAuthenticationCore(options => options.DefaultScheme = ApiKeyAuthentication.SchemeName);
        builder.Services.AddWebEncoders();
        builder.Services.TryAddSingleton(TimeProvider.System);
        new AuthenticationBuilder(builder.Services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        // POST /predict: the body is {"features": {…}}, a few hundred bytes, so at most 64 KB (Kestrel's default is 30 MB;
        // more is a 413); no query string may override a parameter (the default).
        var predictEndpoint = app.MapPipeline<PredictPipeline>("/predict", predict)
            .WithMetadata(new RequestSizeLimitAttribute(MaxPredictBodySize));
        if (!string.IsNullOrEmpty(apiKey)) predictEndpoint.RequireAuthorization();

        // The same computation written by hand, without the pipeline: the baseline of benchmarks/README.md ("Serving").
        // The regressor is the session's preloaded artifact, taken once; the node is called directly.
        var regressor = new Lazy<Regressor>(() =>
        {
            var session = app.Services.GetRequiredService<SpaceflightsSession>();
            return session.Preload(session.Catalog.Regressor);
        });
        var baseline = app.MapPost("/baseline/predict", (BaselineRequest request) =>
            new BaselineResponse(Inference.Predict(regressor.Value, request.Features)));
        if (!string.IsNullOrEmpty(apiKey)) baseline.RequireAuthorization();

        // GET /health: the session's environment and each preloaded artifact's state, as JSON.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = CompiledHealthResponse.WriteAsync });
        return app;
    }

    private static void Configure(Microsoft.AspNetCore.Http.Json.JsonOptions options)
    {
        options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    }
}
