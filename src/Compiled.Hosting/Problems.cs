using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Compiled.Hosting;

/// <summary>
/// Writes RFC 7807 problem details through the application's <see cref="IProblemDetailsService"/> (so its
/// customizations apply), each with the run id as the extension <c>runId</c>.
/// </summary>
internal static class Problems
{
    /// <summary>A 400 whose <c>errors</c> name the field: <c>{"errors": {"$.features.engines": ["…"]}}</c>.</summary>
    public static Task WriteInvalidAsync(HttpContext context, string field, string message, string title, string runId)
    {
        // The message names the field first ("$.features.engines: …"); under errors the key already does.
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [message.StartsWith(field + ": ", StringComparison.Ordinal) ? message[(field.Length + 2)..] : message],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = message,
        };
        return WriteAsync(context, problem, runId);
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string detail, string runId, params (string Name, string Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (name, value) in extensions) problem.Extensions[name] = value;
        return WriteAsync(context, problem, runId);
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem, string runId)
    {
        if (context.Response.HasStarted) return;
        problem.Extensions["runId"] = runId;
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = context.RequestServices.GetService<IProblemDetailsService>();
        if (service is null || !await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The client accepts no JSON: the status code and a line of text.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{problem.Title} {problem.Detail}");
        }
    }
}
