using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using Compiled.Config;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Compiled.Datasets;

/// <summary>
/// A Parquet file of rows of type <typeparamref name="TRow"/>: Kedro's <c>pandas.ParquetDataset</c>, and
/// the catalog type <c>parquet</c>. Read and written with Parquet.Net's typed serializer
/// (<see cref="ParquetSerializer"/>), so its attributes (<c>[JsonPropertyName]</c> to name a column,
/// <c>[ParquetIgnore]</c>, <c>[ParquetDecimal]</c>, <c>[ParquetTimestamp]</c>, …) apply.
/// </summary>
/// <remarks>
/// <para>
/// Columns are named after the properties (or their <c>[JsonPropertyName]</c>) and match them ignoring
/// case on load. A column the file lacks is an error unless its property is nullable; a column whose
/// type or nullability differs from the property's is an error naming the column.
/// </para>
/// <para>Saves are atomic: a failed save leaves the previous file byte for byte. Versioning as for every file dataset.</para>
/// </remarks>
/// <typeparam name="TRow">The type of one row: a class with a public parameterless constructor and public properties.</typeparam>
[RequiresUnreferencedCode(ReflectionMessage)]
[RequiresDynamicCode(ReflectionMessage)]
public sealed class ParquetDataset<[DynamicallyAccessedMembers(RowMembers)] TRow> : FileDataset<TRow[]>
    where TRow : class, new()
{
    internal const string ReflectionMessage =
        "ParquetDataset maps rows with reflection and compiled expressions (Parquet.Net); it is not trimming- or native-AOT-safe.";

    internal const DynamicallyAccessedMemberTypes RowMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties;

    private static readonly Regex FieldInMessage = new(@"in field '(?<field>[^']+)'", RegexOptions.CultureInvariant);
    private static ParquetSchema? s_classSchema;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file (the directory of the versions when versioned); a relative path is resolved against the current directory.</param>
    /// <param name="loadOptions">How to read; <see cref="DefaultLoadOptions"/> when null.</param>
    /// <param name="saveOptions">How to write (compression, row group size); Parquet.Net's defaults (Snappy) when null.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded.</param>
    public ParquetDataset(string name, string filePath, ParquetOptions? loadOptions = null, ParquetOptions? saveOptions = null, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
        LoadOptions = loadOptions ?? DefaultLoadOptions();
        SaveOptions = saveOptions ?? new ParquetOptions();
    }

    /// <summary>How the file is read.</summary>
    public ParquetOptions LoadOptions { get; }

    /// <summary>How the file is written.</summary>
    public ParquetOptions SaveOptions { get; }

    /// <summary>The default reading options: Parquet.Net's, with columns matching properties ignoring case.</summary>
    public static ParquetOptions DefaultLoadOptions() => new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project),
    /// optional <c>save_args</c> — <c>compression</c> (<c>snappy</c> by default, <c>gzip</c>, <c>zstd</c>,
    /// <c>lz4</c>, <c>lz4_raw</c>, <c>brotli</c>, <c>lzo</c> or <c>none</c>), <c>compression_level</c> (<c>optimal</c>,
    /// <c>fastest</c>, <c>smallest</c>, <c>none</c>), <c>row_group_size</c>, <c>index: false</c> — and
    /// <c>versioned</c> / <c>load_version</c>. <c>load_args</c> takes no keys.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has a malformed or unsupported key.</exception>
    public static ParquetDataset<TRow> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetRequiredPath("filepath");
        DatasetArgs.CheckKeys(config, "load_args", config.GetMapping("load_args"));
        var saveArgs = config.GetMapping("save_args");
        DatasetArgs.CheckKeys(config, "save_args", saveArgs, "compression", "compression_level", "row_group_size", "index");
        var save = new ParquetOptions();
        if (DatasetArgs.GetString(config, "save_args", saveArgs, "compression") is { } compression)
        {
            save.CompressionMethod = compression.Trim().ToLowerInvariant() switch
            {
                "snappy" => CompressionMethod.Snappy,
                "gzip" => CompressionMethod.Gzip,
                "zstd" => CompressionMethod.Zstd,
                "lz4" => CompressionMethod.LZ4,
                "lz4_raw" => CompressionMethod.Lz4Raw,
                "brotli" => CompressionMethod.Brotli,
                "lzo" => CompressionMethod.Lzo,
                "none" or "uncompressed" => CompressionMethod.None,
                _ => throw config.Error($"key 'save_args.compression' must be snappy, gzip, zstd, lz4, lz4_raw, brotli, lzo or none, not '{compression}'", saveArgs!["compression"]!.Location),
            };
        }
        if (DatasetArgs.GetString(config, "save_args", saveArgs, "compression_level") is { } level)
        {
            save.CompressionLevel = level.Trim().ToLowerInvariant() switch
            {
                "optimal" => CompressionLevel.Optimal,
                "fastest" => CompressionLevel.Fastest,
                "smallest" or "smallest_size" => CompressionLevel.SmallestSize,
                "none" or "no_compression" => CompressionLevel.NoCompression,
                _ => throw config.Error($"key 'save_args.compression_level' must be optimal, fastest, smallest or none, not '{level}'", saveArgs!["compression_level"]!.Location),
            };
        }
        if (DatasetArgs.GetString(config, "save_args", saveArgs, "row_group_size") is { } size)
        {
            save.RowGroupSize = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows > 0
                ? rows
                : throw config.Error($"key 'save_args.row_group_size' must be a positive number of rows, not '{size}'", saveArgs!["row_group_size"]!.Location);
        }
        if (DatasetArgs.GetBoolean(config, "save_args", saveArgs, "index") is true)
            throw config.Error("key 'save_args.index' can only be false: rows have no index column", saveArgs!["index"]!.Location);
        return new ParquetDataset<TRow>(config.Name, path, DefaultLoadOptions(), save, DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    protected override TRow[] Read(Stream stream, string path)
    {
        // Parquet.Net's API is asynchronous: read the file into memory so that every await completes synchronously.
        var buffer = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return ReadAsync(buffer, path, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    protected override async ValueTask<TRow[]> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        DeserializationResult<TRow> result;
        try
        {
            result = await ParquetSerializer.DeserializeAsync<TRow>(stream, LoadOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidCastException or InvalidOperationException && FieldInMessage.IsMatch(Flatten(ex)))
        {
            var field = FieldInMessage.Match(Flatten(ex)).Groups["field"].Value;
            throw new DatasetException(Name,
                $"Dataset '{Name}' ({path}): column '{field}' does not fit {DescribeMember(field)}: {DatasetErrors.Sentence(Innermost(ex).Message)}", ex);
        }
        CheckColumns(result.Schema, path);
        return result.Data is List<TRow> list ? [.. list] : result.Data.ToArray();
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, TRow[] data, string path)
    {
        var buffer = new MemoryStream();
        WriteAsync(buffer, data, path, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <inheritdoc />
    protected override async ValueTask WriteAsync(Stream stream, TRow[] data, string path, CancellationToken cancellationToken)
    {
        try
        {
            await ParquetSerializer.SerializeAsync(data, stream, SaveOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApplicationException ex) when (ex.InnerException is not null)
        {
            // Parquet.Net: "failed to serialise data column 'x'" around the cause (a property getter that threw, …).
            var cause = Innermost(ex);
            throw new DatasetException(Name,
                $"Dataset '{Name}' ({path}): could not save: {DatasetErrors.Sentence(ex.Message)} {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)} " +
                "The previous file, if any, was left unchanged.", cause);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ParquetDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({FilePath})";

    private static ParquetSchema ClassSchema => s_classSchema ??= typeof(TRow).GetParquetSchema(true);

    // A property the file has no column for stays at its default: an error unless the property may be null.
    private void CheckColumns(ParquetSchema fileSchema, string path)
    {
        List<string>? missing = null;
        foreach (var field in ClassSchema.Fields)
        {
            if (fileSchema.Fields.Any(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase))) continue;
            var property = FindProperty(field);
            if (property is null || IsNullable(property)) continue;
            (missing ??= []).Add($"'{field.Name}' (for {DatasetErrors.TypeName(typeof(TRow))}.{property.Name})");
        }
        if (missing is null) return;
        throw new DatasetException(Name,
            $"Dataset '{Name}' ({path}): the file has no column {string.Join(", ", missing)}. " +
            $"The file's columns are: {string.Join(", ", fileSchema.Fields.Select(f => f.Name))}. " +
            "Add the column to the file, name the property's column with [JsonPropertyName(\"…\")], or make the property nullable if it may be absent.");
    }

    // The property a column of the class schema comes from: named by [JsonPropertyName], or by the property's own name.
    private static PropertyInfo? FindProperty(Field field) =>
        typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name == field.Name)
        ?? typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));

    private static bool IsNullable(PropertyInfo property)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null) return true;
        if (property.PropertyType.IsValueType) return false;
        var info = new NullabilityInfoContext().Create(property);
        return info.ReadState == NullabilityState.Nullable || info.WriteState == NullabilityState.Nullable;
    }

    private static string DescribeMember(string column)
    {
        var field = ClassSchema.Fields.FirstOrDefault(f => string.Equals(f.Name, column, StringComparison.OrdinalIgnoreCase));
        var property = field is null ? null : FindProperty(field);
        return property is null
            ? DatasetErrors.TypeName(typeof(TRow))
            : $"{DatasetErrors.TypeName(property.PropertyType)} ({DatasetErrors.TypeName(typeof(TRow))}.{property.Name})";
    }

    private static string Flatten(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" | ", messages);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }
}
