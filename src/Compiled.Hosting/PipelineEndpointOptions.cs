namespace Compiled.Hosting;

/// <summary>
/// What one <see cref="PipelineEndpointRouteBuilderExtensions.MapPipeline{TPipeline}"/> endpoint lets a client do,
/// beyond sending the pipeline's runtime inputs: which parameters its query string may override, and how strictly
/// its body is read. The defaults are the safe ones: no overrides, strict JSON.
/// </summary>
/// <example>
/// <code>
/// app.MapPipeline&lt;PredictPipeline&gt;("/predict", endpoint => endpoint.AllowParameterOverrides("model_options.test_size"));
/// </code>
/// </example>
public sealed class PipelineEndpointOptions
{
    private readonly List<string> _parameterOverrides = [];

    /// <summary>
    /// The parameter paths a request's query string may override (<c>?model_options.test_size=0.3</c>), each allowing
    /// that parameter and every parameter under it (<c>model_options</c> allows <c>model_options.test_size</c>).
    /// Empty by default: the parameters are the application's configuration, and a query string is anyone's to write,
    /// so a client changes none unless the application says which; a request that tries is answered 400.
    /// </summary>
    public IReadOnlyList<string> ParameterOverrides => _parameterOverrides;

    /// <summary>
    /// Whether the body is read strictly: a member the runtime input's type does not have (a misspelt or
    /// differently cased name, such as <c>unit_price</c> for <c>unitPrice</c>), a member it requires (a
    /// <c>required</c> property or a constructor parameter without a default) left out, a member given twice, or
    /// <c>null</c> for a non-nullable member are each a 400 naming the member. True by default: the application's
    /// HTTP JSON options are copied with <c>UnmappedMemberHandling.Disallow</c>, <c>RespectRequiredConstructorParameters</c>,
    /// <c>RespectNullableAnnotations</c> and <c>AllowDuplicateProperties = false</c>. False reads the body with the
    /// application's options exactly as configured (System.Text.Json's lenient defaults unless it changed them).
    /// </summary>
    public bool StrictJson { get; set; } = true;

    /// <summary>
    /// Lets requests override the parameters at <paramref name="paths"/> (and the parameters under each) through the
    /// query string; see <see cref="ParameterOverrides"/>.
    /// </summary>
    /// <param name="paths">Dotted parameter paths, as in <c>parameters.yml</c>: <c>model_options.test_size</c>.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">A path is empty, or starts or ends with a dot.</exception>
    public PipelineEndpointOptions AllowParameterOverrides(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(paths));
            if (path.StartsWith('.') || path.EndsWith('.'))
            {
                throw new ArgumentException($"'{path}' is not a parameter path; write it dotted, as in model_options.test_size.", nameof(paths));
            }

            if (!_parameterOverrides.Contains(path)) _parameterOverrides.Add(path);
        }

        return this;
    }

    /// <summary>Whether <see cref="ParameterOverrides"/> allows overriding <paramref name="path"/>.</summary>
    /// <param name="path">A dotted parameter path.</param>
    public bool AllowsParameterOverride(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var allowed in _parameterOverrides)
        {
            if (path == allowed || (path.Length > allowed.Length && path[allowed.Length] == '.' && path.StartsWith(allowed, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
