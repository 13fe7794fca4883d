using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compiled.Hosting;

/// <summary>
/// Writes a health report as JSON: the overall status and, per check, its status, description and data — for the
/// Compiled session's check, the environment and each preloaded artifact's state. A response writer for
/// <c>MapHealthChecks</c>; written with a <see cref="Utf8JsonWriter"/>, no reflection (native AOT). Exceptions are
/// not written: their messages name files and settings of the server; the log has them.
/// </summary>
/// <example>
/// <code>
/// app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = CompiledHealthResponse.WriteAsync });
/// // {"status":"Healthy","checks":{"compiled:SpaceflightsSession":{"status":"Healthy","description":"…",
/// //   "data":{"artifacts":{"regressor":"loaded"},"environment":"local"}}}}
/// </code>
/// </example>
public static class CompiledHealthResponse
{
    /// <summary>Writes <paramref name="report"/> to the response as <c>application/json</c>.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="report">The health report.</param>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString());
            if (entry.Description is not null) writer.WriteString("description", entry.Description);
            if (entry.Data.Count > 0)
            {
                writer.WriteStartObject("data");
                foreach (var (key, value) in entry.Data) WriteValue(writer, key, value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    // The values health checks put in their data: text, numbers, flags and maps of text; anything else as its text.
    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(key);
                break;
            case string text:
                writer.WriteString(key, text);
                break;
            case bool flag:
                writer.WriteBoolean(key, flag);
                break;
            case int or long:
                writer.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumber(key, number);
                break;
            case IEnumerable<KeyValuePair<string, string>> map:
                writer.WriteStartObject(key);
                foreach (var (name, text) in map) writer.WriteString(name, text);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
