using Compiled.Storage;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// A JSON file holding one value of type <typeparamref name="T"/>: Kedro's <c>json.JSONDataset</c>,
/// and the catalog type <c>json</c>. Serialized with System.Text.Json. By default property names are
/// snake_case (<c>CompanyRating</c> ↔ <c>company_rating</c>) to match files written by Python, the
/// output is indented (2 spaces), non-ASCII text is written as is, floating-point <c>NaN</c> and
/// infinities are written as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> (and read
/// back), and comments and trailing commas are tolerated on load. Saves are atomic.
/// </summary>
/// <remarks>
/// For trimmed or native AOT applications use the constructor that takes a
/// <see cref="JsonTypeInfo{T}"/> from a <see cref="JsonSerializerContext"/>; the other constructor
/// uses reflection.
/// </remarks>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class JsonDataset<T> : FileDataset<T>, IConfiguredDataset<JsonDataset<T>>
{
    private const string ReflectionMessage =
        "JSON serialization of arbitrary types uses reflection. For trimmed or native AOT applications, " +
        "pass a JsonTypeInfo<T> from a JsonSerializerContext instead.";

    private readonly JsonTypeInfo<T> _typeInfo;

    /// <summary>Creates the dataset, serializing with reflection.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="options">
    /// The serializer options; when null, snake_case names, indented output and the tolerances
    /// described on <see cref="JsonDataset{T}"/>. Options without a type resolver are copied and
    /// given the reflection-based one.
    /// </param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded (then <paramref name="filePath"/> is the directory of the versions).</param>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public JsonDataset(string name, FileLocation filePath, JsonSerializerOptions? options = null, DatasetVersioning? versioning = null)
        : this(name, filePath, ReflectionTypeInfo(options ?? CreateDefaultOptions(indentSize: 2)), versioning)
    {
    }

    /// <summary>Creates the dataset with serialization metadata from a source-generated context: trimming- and AOT-safe.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="typeInfo">The metadata of <typeparamref name="T"/>, e.g. <c>MyJsonContext.Default.MyRecord</c>; its options apply.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded (then <paramref name="filePath"/> is the directory of the versions).</param>
    public JsonDataset(string name, FileLocation filePath, JsonTypeInfo<T> typeInfo, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _typeInfo = typeInfo;
    }

    /// <summary>The serializer options in use.</summary>
    public JsonSerializerOptions Options => _typeInfo.Options;

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project) and
    /// optional <c>save_args: { indent: … }</c> where <c>indent</c> is a number of spaces (as in Python),
    /// <c>true</c>, or <c>false</c>/<c>null</c> for compact output. The default options described on
    /// <see cref="JsonDataset{T}"/> apply.
    /// </summary>
    /// <remarks>
    /// Serialization metadata comes from <see cref="DatasetConfig.JsonTypeInfoResolver"/> (the session's
    /// <see cref="SessionOptions.JsonTypeInfoResolver"/>, e.g. a <see cref="JsonSerializerContext"/> that lists
    /// <typeparamref name="T"/>) and, where reflection-based serialization is enabled, from reflection for
    /// the types it does not cover. In a trimmed or native AOT application reflection is off
    /// (<see cref="JsonSerializer.IsReflectionEnabledByDefault"/>), so <typeparamref name="T"/> must be in the resolver.
    /// </remarks>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">
    /// The entry is incomplete or has an unsupported key, or no serialization metadata for
    /// <typeparamref name="T"/> is available (reflection off and the resolver does not list it).
    /// </exception>
    public static JsonDataset<T> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetFileLocation("filepath");
        var options = CreateDefaultOptions(ReadIndent(config) ?? 2);
        return new JsonDataset<T>(config.Name, path, ResolveTypeInfo(config, options), DatasetVersioning.FromConfig(config));
    }

    /// <summary>
    /// Builds the dataset from a catalog entry with source-generated metadata (trimming- and AOT-safe).
    /// <c>save_args: { indent: … }</c>, when present, overrides the indentation of <paramref name="typeInfo"/>'s options.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <param name="typeInfo">The metadata of <typeparamref name="T"/>.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has an unsupported key.</exception>
    public static JsonDataset<T> FromConfig(DatasetConfig config, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var path = config.GetFileLocation("filepath");
        if (ReadIndent(config) is { } indent)
        {
            var options = new JsonSerializerOptions(typeInfo.Options);
            ApplyIndent(options, indent);
            typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        return new JsonDataset<T>(config.Name, path, typeInfo, DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    protected override T Read(Stream stream, string path)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(stream, _typeInfo);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex, path);
        }
        return value ?? throw NullDocument(path);
    }

    /// <inheritdoc />
    protected override async ValueTask<T> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(stream, _typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex, path);
        }
        return value ?? throw NullDocument(path);
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, T data, string path) => JsonSerializer.Serialize(stream, data, _typeInfo);

    /// <inheritdoc />
    protected override ValueTask WriteAsync(Stream stream, T data, string path, CancellationToken cancellationToken) =>
        new(JsonSerializer.SerializeAsync(stream, data, _typeInfo, cancellationToken));

    /// <inheritdoc />
    /// <remarks>Reads and writes front to back: streams straight from and to object stores.</remarks>
    protected override bool NeedsSeekableStream => false;

    /// <inheritdoc />
    public override string ToString() => $"JsonDataset<{DatasetErrors.TypeName(typeof(T))}> '{Name}' ({FilePath})";

    private DatasetException InvalidJson(JsonException ex, string path)
    {
        var where = ex.LineNumber is { } line
            ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" + (string.IsNullOrEmpty(ex.Path) ? "" : $" (JSON path {ex.Path})")
            : "";
        return new DatasetException(Name,
            $"Dataset '{Name}' ({path}): the file is not valid JSON for {DatasetErrors.TypeName(typeof(T))}{where}: " +
            $"{DatasetErrors.FirstLine(StripPosition(ex.Message))}", ex);
    }

    private DatasetException NullDocument(string path) => new(Name,
        $"Dataset '{Name}' ({path}): the file holds JSON null, but a {DatasetErrors.TypeName(typeof(T))} was expected. " +
        $"Fix the file, or run the node that produces '{Name}' again.");

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …" which the message already says better.
    private static string StripPosition(string message)
    {
        var index = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }

    private static int? ReadIndent(DatasetConfig config)
    {
        var saveArgs = config.GetMapping("save_args");
        DatasetArgs.CheckKeys(config, "load_args", config.GetMapping("load_args"));
        DatasetArgs.CheckKeys(config, "save_args", saveArgs, "indent");
        if (!DatasetArgs.Has(saveArgs, "indent")) return null;
        var text = DatasetArgs.GetString(config, "save_args", saveArgs, "indent");
        if (text is null || text.Equals("none", StringComparison.OrdinalIgnoreCase) || bool.FalseString.Equals(text, StringComparison.OrdinalIgnoreCase)) return -1;
        if (bool.TrueString.Equals(text, StringComparison.OrdinalIgnoreCase)) return 2;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var spaces) && spaces <= 127) return spaces;
        throw config.Error($"key 'save_args.indent' must be a number of spaces (0-127), true, or false, not '{text}'", saveArgs!["indent"]!.Location);
    }

    // indentSize < 0: compact output.
    private static JsonSerializerOptions CreateDefaultOptions(int indentSize)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        ApplyIndent(options, indentSize);
        return options;
    }

    private static void ApplyIndent(JsonSerializerOptions options, int indentSize)
    {
        options.WriteIndented = indentSize >= 0;
        if (indentSize >= 0) options.IndentSize = indentSize;
    }

    // The metadata of T under `options`: from the configured resolver first, then from reflection where it is enabled.
    private static JsonTypeInfo<T> ResolveTypeInfo(DatasetConfig config, JsonSerializerOptions options)
    {
        var configured = config.JsonTypeInfoResolver;
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.TypeInfoResolver = configured is null ? ReflectionResolver() : JsonTypeInfoResolver.Combine(configured, ReflectionResolver());
            return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }

        if (configured?.GetTypeInfo(typeof(T), options) is null)
        {
            throw config.Error(
                $"has no JSON serialization metadata for {DatasetErrors.TypeName(typeof(T))}: reflection-based serialization is off " +
                "(a trimmed or native AOT application). List the type in a JsonSerializerContext " +
                $"([JsonSerializable(typeof({DatasetErrors.TypeName(typeof(T))}))]) and pass it as SessionOptions.JsonTypeInfoResolver");
        }

        options.TypeInfoResolver = configured;
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    // Called only where JsonSerializer.IsReflectionEnabledByDefault is true. That property is a feature switch
    // (System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault) which trimmed and native AOT applications turn
    // off; the trimmer then replaces it with false and removes this call with the branch. The same pattern as
    // ASP.NET Core's default JSON options.
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "Guarded by the JsonSerializer.IsReflectionEnabledByDefault feature switch, off (and the call removed) when trimming.")]
    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode",
        Justification = "Guarded by the JsonSerializer.IsReflectionEnabledByDefault feature switch, off (and the call removed) in native AOT.")]
    private static IJsonTypeInfoResolver ReflectionResolver() => new DefaultJsonTypeInfoResolver();

    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    private static JsonTypeInfo<T> ReflectionTypeInfo(JsonSerializerOptions options)
    {
        if (options.TypeInfoResolver is null)
        {
            options = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        }
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
