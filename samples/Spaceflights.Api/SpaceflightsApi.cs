using System.Text.Json;
using System.Text.Json.Serialization;
using Compiled.Hosting;
using Microsoft.AspNetCore.Authentication;
using Spaceflights.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Spaceflights.Api;

/// <summary>
/// The Spaceflights prediction API: <c>POST /predict</c> with one shuttle's features returns its predicted
/// price, computed by the Spaceflights project's <c>predict</c> pipeline with the trained regressor loaded
/// once, at startup. <c>GET /health</c> reports whether the session is ready.
/// </summary>
public static class SpaceflightsApi
{
    /// <summary>Builds the application from command-line arguments, <c>appsettings.json</c> and environment variables.</summary>
    /// <param name="args">
    /// The command line, e.g. <c>--urls http://127.0.0.1:5080</c>, <c>--Compiled:ProjectPath ../Spaceflights</c>,
    /// <c>--ApiKey secret</c> (then <c>/predict</c> requires the header <c>X-Api-Key: secret</c>).
    /// </param>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // The predict pipeline's runtime input and output, as snake_case JSON; unknown or missing features are errors.
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

        var predict = app.MapPipeline<PredictPipeline>("/predict");
        if (!string.IsNullOrEmpty(apiKey)) predict.RequireAuthorization();

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

        app.MapHealthChecks("/health");
        return app;
    }

    private static void Configure(Microsoft.AspNetCore.Http.Json.JsonOptions options)
    {
        options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        options.SerializerOptions.RespectRequiredConstructorParameters = true;
        options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
