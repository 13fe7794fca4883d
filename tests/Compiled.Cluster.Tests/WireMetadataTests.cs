using System.Text.Json;
using System.Text.Json.Serialization;
using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Compiled.Cluster.Tests;

/// <summary>
/// What crosses the wire has generated metadata, never reflection: the parameters record writes itself, the application's
/// context gives the rest, and a type without metadata is an error naming it. This process runs with
/// <c>System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault</c> off (as the test silos do).
/// </summary>
public sealed class WireMetadataTests
{
    [Fact]
    public void This_process_runs_with_reflection_based_json_switched_off() =>
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);

    [Fact]
    public void The_parameters_record_round_trips_through_its_generated_json_members()
    {
        var options = RemoteJson.Options(GridJsonContext.Default);
        var parameters = LocalGrid.WithX(2.5, delayMs: 7, failAt: 9);

        var wire = RemoteParameters.Create(options, parameters);
        var request = new PipelineRequest(default, new Utf8JsonWriter(Stream.Null), options, "round-trip") { Parameters = wire };

        Assert.Equal("Grid.GridParameters", wire.TypeName);
        Assert.Equal("""{"sweep":{"X":2.5,"DelayMs":7,"FailAt":9}}""", System.Text.Encoding.UTF8.GetString(wire.Json.Span));
        Assert.Equal(parameters, request.ReadParameters<GridParameters>());
    }

    [Fact]
    public void A_parameter_value_whose_type_has_no_metadata_is_an_error_naming_the_type()
    {
        var options = RemoteJson.Options(PointOnlyJsonContext.Default);

        var error = Assert.Throws<InvalidOperationException>(() => RemoteParameters.Create(options, LocalGrid.WithX(1)));

        Assert.Contains("Grid.SweepOptions", error.Message);
        Assert.Contains("[JsonSerializable(typeof(SweepOptions))]", error.Message);
    }

    [Fact]
    public void A_runtime_input_whose_type_has_no_metadata_is_an_error_naming_the_type()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RemoteBody(RemoteJson.Options(DoubleOnlyJsonContext.Default)).Input("point", new Point(1)));

        Assert.Contains("Grid.Point", error.Message);
    }

    [Fact]
    public void A_parameters_record_that_does_not_match_this_build_is_refused_naming_it()
    {
        var options = RemoteJson.Options(GridJsonContext.Default);
        var foreign = new RemoteParameters("Grid.GridParameters", """{"sweep":{"X":1,"DelayMs":0,"FailAt":0},"extra":1}"""u8.ToArray());
        var request = new PipelineRequest(default, new Utf8JsonWriter(Stream.Null), options, "mismatch") { Parameters = foreign };

        var error = Assert.Throws<PipelineRequestException>(() => request.ReadParameters<GridParameters>());

        Assert.Contains("Grid.GridParameters", error.Message);
        Assert.Contains("'extra'", error.Message);
    }

    [Fact]
    public void A_client_without_json_metadata_is_an_error_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort: FreePort.Next(), serviceId: "nobody", clusterId: "nowhere")
            .AddCompiledClient(o => o.ConnectTimeout = TimeSpan.FromSeconds(1)));
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IClusterClient>().Pipeline<ScorePipeline>());

        Assert.Contains("CompiledClientOptions.JsonTypeInfoResolver", error.Message);
    }
}

/// <summary>Metadata for the scoring input only: no <see cref="SweepOptions"/>.</summary>
[JsonSerializable(typeof(Point))]
internal sealed partial class PointOnlyJsonContext : JsonSerializerContext;

/// <summary>Metadata for a double only: no <see cref="Point"/>.</summary>
[JsonSerializable(typeof(double))]
internal sealed partial class DoubleOnlyJsonContext : JsonSerializerContext;
