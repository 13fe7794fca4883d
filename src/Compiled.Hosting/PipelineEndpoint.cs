using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Compiled.Hosting;

/// <summary>
/// The request handler of one <see cref="PipelineEndpointRouteBuilderExtensions.MapPipeline{TPipeline}"/>: reads
/// the body, gathers the parameter overrides and runtime values, runs the pipeline through its generated contract
/// and writes the result, or a problem.
/// </summary>
internal sealed class PipelineEndpoint<TPipeline>(IServiceProvider services, PipelineEndpointOptions options)
    where TPipeline : class, IPipelineContract<TPipeline>
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly IReadOnlyDictionary<string, string?> NoRuntimeValues = new Dictionary<string, string?>();

    private TPipeline? _pipeline; // resolved on first use: mapping the endpoint does not create the session
    private readonly JsonSerializerOptions _json = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
    private JsonSerializerOptions? _inputJson; // made on first use, once the application's JSON options are final
    private readonly ILogger _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(HostingLog.Category);

    public async Task HandleAsync(HttpContext context)
    {
        var runId = Guid.CreateVersion7().ToString("N");
        context.Response.Headers[PipelineEndpointRouteBuilderExtensions.RunIdHeader] = runId;
        var aborted = context.RequestAborted;
        var span = Activity.Current;
        var bodyReader = context.Request.BodyReader;
        ReadResult body = default;
        var bodyRead = false;
        try
        {
            body = await ReadToEndAsync(bodyReader, aborted);
            bodyRead = true;
            if (!body.Buffer.IsEmpty && !context.Request.HasJsonContentType())
            {
                await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.",
                    $"Send the runtime inputs of pipeline '{TPipeline.PipelineName}' as application/json.", runId); // the client's Content-Type is not repeated
                return;
            }

            var response = ResponseBuffer.Rent(_json);
            try
            {
                var request = new PipelineRequest(body.Buffer, response.Writer, _json, runId)
                {
                    InputJsonOptions = _inputJson ??= options.StrictJson ? StrictJson.From(_json) : _json,
                    ParameterOverrides = ParameterOverrideQuery.Read(context.Request.Query, options),
                    RuntimeValues = RuntimeValues(context.Request.RouteValues),
                };
                await TPipeline.RunRequestAsync(_pipeline ??= services.GetRequiredService<TPipeline>(), request, aborted);
                response.Writer.Flush();
                context.Response.ContentType = JsonContentType;
                context.Response.ContentLength = response.Output.WrittenCount;
                await context.Response.BodyWriter.WriteAsync(response.Output.WrittenMemory, aborted);
            }
            finally
            {
                ResponseBuffer.Return(response);
            }
        }
        catch (PipelineRequestException exception)
        {
            HostingLog.RequestRejected(_logger, TPipeline.PipelineName, runId, exception.Field, exception.Message);
            await Problems.WriteInvalidAsync(context, exception.Field, exception.Message,
                $"The request is not a valid run of pipeline '{TPipeline.PipelineName}'.", runId);
        }
        catch (ParameterException exception)
        {
            var message = ParameterOverrideQuery.Describe(exception);
            HostingLog.RequestRejected(_logger, TPipeline.PipelineName, runId, exception.Path, message);
            await Problems.WriteInvalidAsync(context, exception.Path, message,
                $"A parameter override of pipeline '{TPipeline.PipelineName}' is not valid.", runId);
        }
        catch (Exception exception) when (RuntimeValueRefusal(exception) is { } refused)
        {
            // The message names the dataset and the rule: for the log. The client hears which route value, never the value.
            HostingLog.RuntimeValueRefused(_logger, TPipeline.PipelineName, runId, refused.ValueName, refused.DatasetName, refused.Message);
            await Problems.WriteInvalidAsync(context, refused.ValueName,
                $"{refused.ValueName}: the route value '{refused.ValueName}' is not one this endpoint accepts.",
                $"A route value of pipeline '{TPipeline.PipelineName}' is not valid.", runId);
        }
        catch (BadHttpRequestException exception)
        {
            // The server refused the request as HTTP (a body over MaxRequestBodySize is 413, a body cut short 400):
            // the client's mistake, answered and logged as one, not an unhandled exception.
            HostingLog.BadRequest(_logger, TPipeline.PipelineName, runId, exception.StatusCode, exception.Message);
            await Problems.WriteAsync(context, exception.StatusCode,
                exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is too large." : "The request could not be read.",
                exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The body of a request to run pipeline '{TPipeline.PipelineName}' may have at most {MaxBodySize(context)}."
                    : $"The body of the request to run pipeline '{TPipeline.PipelineName}' could not be read.", runId);
        }
        catch (PipelineRunException exception)
        {
            HostingLog.RunFailed(_logger, exception, TPipeline.PipelineName, runId, exception.NodeName);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "The pipeline run failed.",
                $"Node '{exception.NodeName}' of pipeline '{exception.PipelineName}' failed (run {exception.RunId}).", runId,
                ("node", exception.NodeName));
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: no one to answer. Close the spans the run left open (cancellation reaches no hook).
            TracingHook.EndCancelledSpans(span);
            HostingLog.RequestCancelled(_logger, TPipeline.PipelineName, runId);
        }
        catch (Exception exception)
        {
            HostingLog.RequestFailed(_logger, exception, TPipeline.PipelineName, runId);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "The request failed.",
                $"Running pipeline '{TPipeline.PipelineName}' failed (run {runId}); the server's log has the details.", runId);
        }
        finally
        {
            if (bodyRead) bodyReader.AdvanceTo(body.Buffer.End);
        }
    }

    // The whole body, buffered by the pipe (Kestrel's MaxRequestBodySize bounds it); released by the caller.
    private static async ValueTask<ReadResult> ReadToEndAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCompleted || result.IsCanceled) return result;
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    // RuntimeValueException as the catalog throws it, or as the cause of any of the run's node failures (the node-by-node
    // runner reports every node that failed) when a node's dataset refused the value.
    private static RuntimeValueException? RuntimeValueRefusal(Exception exception) => exception switch
    {
        RuntimeValueException refused => refused,
        PipelineRunException run => run.Failures.Select(f => f.Exception).OfType<RuntimeValueException>().FirstOrDefault(),
        _ => null,
    };

    private static string MaxBodySize(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes"
            : "the size the server allows";

    private static IReadOnlyDictionary<string, string?> RuntimeValues(RouteValueDictionary route)
    {
        var names = TPipeline.RuntimeValues;
        if (names.Count == 0) return NoRuntimeValues;
        var values = new Dictionary<string, string?>(names.Count, StringComparer.Ordinal);
        foreach (var field in names)
        {
            if (route.TryGetValue(field.Name, out var value) && value is not null) values[field.Name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }
}
