using Microsoft.Extensions.Configuration;

namespace Compiled.Hosting;

/// <summary>
/// Reads <see cref="CompiledSessionOptions"/> from a configuration section by hand: four keys, no
/// reflection-based binder, so it works unchanged in trimmed and native AOT applications.
/// </summary>
internal static class CompiledSessionOptionsBinder
{
    public static void Bind(IConfigurationSection section, CompiledSessionOptions options)
    {
        if (section[nameof(CompiledSessionOptions.Environment)] is { Length: > 0 } environment) options.Environment = environment;
        if (section[nameof(CompiledSessionOptions.ProjectPath)] is { Length: > 0 } projectPath) options.ProjectPath = projectPath;
        var preload = section.GetSection(nameof(CompiledSessionOptions.Preload));
        if (preload.Exists())
        {
            // A list ("Preload": ["a", "b"], or Preload__0=a) or one comma-separated value ("Preload": "a,b", or "" for none).
            options.Preload = preload.GetChildren().Any()
                ? [.. preload.GetChildren().Select(child => child.Value).OfType<string>().Where(value => value.Length > 0)]
                : [.. (preload.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (section[nameof(CompiledSessionOptions.Tracing)] is { Length: > 0 } tracing)
        {
            options.Tracing = bool.TryParse(tracing, out var enabled)
                ? enabled
                : throw new InvalidOperationException(
                    $"Configuration '{section.Path}:{nameof(CompiledSessionOptions.Tracing)}' must be true or false, not '{tracing}'.");
        }
    }
}
