using Compiled.Storage;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using Compiled.Config;
using Parquet;
using Parquet.Schema;

namespace Compiled.Datasets;

/// <summary>
/// A Parquet file of rows of type <typeparamref name="TRow"/>: Kedro's <c>pandas.ParquetDataset</c>, and
/// the catalog type <c>parquet</c>. Read and written column by column with Parquet.Net's typed low-level
/// API (no reflection emit, no compiled expressions), so the dataset is trimming- and native-AOT-safe.
/// </summary>
/// <remarks>
/// <para>
/// Each public property with a public getter is a column, named after the property (or its
/// <c>[JsonPropertyName]</c>), in declaration order (or <c>[JsonPropertyOrder]</c>'s); <c>[JsonIgnore]</c> and
/// <c>[ParquetIgnore]</c> leave a property out. Get-only properties are saved, not loaded. Columns match
/// properties ignoring case on load (<see cref="ParquetOptions.PropertyNameCaseInsensitive"/> of the load options);
/// columns no property names are ignored.
/// </para>
/// <para>
/// Property types: <see cref="bool"/>, <see cref="byte"/>, <see cref="sbyte"/>, <see cref="short"/>,
/// <see cref="ushort"/>, <see cref="int"/>, <see cref="uint"/>, <see cref="long"/>, <see cref="ulong"/>,
/// <see cref="float"/>, <see cref="double"/>, <see cref="decimal"/> (precision 38, scale 18, or
/// <c>[ParquetDecimal]</c>'s), <see cref="DateTime"/> (INT96 timestamps, or <c>[ParquetTimestamp]</c>'s format),
/// <see cref="DateTimeOffset"/> (a UTC timestamp, loaded with offset zero), <see cref="DateOnly"/> (DATE),
/// <see cref="TimeOnly"/> (TIME in microseconds; milliseconds and nanoseconds load too), <see cref="Guid"/> (UUID),
/// <see cref="string"/>, <c>byte[]</c> and enums (their underlying integer; a text column loads by name),
/// each also nullable. Any other type is an error naming the property. A nullable value type writes an
/// optional column, a non-nullable one a required column; strings and byte arrays are always optional.
/// </para>
/// <para>
/// A column the file lacks is an error unless its property is nullable; a column whose type does not fit
/// the property's is an error naming the column and the property, and so is a null in a column loaded into a
/// non-nullable value type (an optional column without nulls, as pandas writes, loads into one).
/// </para>
/// <para>
/// Rows are written in row groups of <see cref="ParquetOptions.RowGroupSize"/> rows (1,000,000 when unset); the
/// row groups of a file are concatenated on load. Saves are atomic: a failed save leaves the previous file byte
/// for byte. Versioning as for every file dataset.
/// </para>
/// </remarks>
/// <typeparam name="TRow">The type of one row: a class with a public parameterless constructor and public properties.</typeparam>
public sealed class ParquetDataset<[DynamicallyAccessedMembers(RowMembers)] TRow> : FileDataset<TRow[]>, IConfiguredDataset<ParquetDataset<TRow>>
    where TRow : class, new()
{
    internal const DynamicallyAccessedMemberTypes RowMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file (the directory of the versions when versioned); a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="loadOptions">How to read; <see cref="DefaultLoadOptions"/> when null.</param>
    /// <param name="saveOptions">How to write (compression, row group size); Parquet.Net's defaults (Snappy, row groups of 1,000,000 rows) when null.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded.</param>
    public ParquetDataset(string name, FileLocation filePath, ParquetOptions? loadOptions = null, ParquetOptions? saveOptions = null, DatasetVersioning? versioning = null)
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
        var path = config.GetFileLocation("filepath");
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
        var shape = Shape(path);
        await using var reader = await ParquetReader.CreateAsync(stream, LoadOptions, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        var schema = reader.Schema;
        var columns = Plan(shape, schema, path);

        var counts = new long[reader.RowGroupCount];
        long total = 0;
        for (var g = 0; g < counts.Length; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            counts[g] = group.RowCount;
            total += group.RowCount;
        }
        if (total > Array.MaxLength)
            throw new DatasetException(Name, $"Dataset '{Name}' ({path}): the file has {total} rows, more than an array holds.");
        var rows = new TRow[total];
        for (var i = 0; i < rows.Length; i++) rows[i] = new TRow();

        var start = 0;
        for (var g = 0; g < counts.Length; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)counts[g];
            foreach (var (_, field, io) in columns)
            {
                try
                {
                    await io.ReadAsync(group, field, rows, start, count, cancellationToken).ConfigureAwait(false);
                }
                catch (ParquetColumnException ex)
                {
                    throw new DatasetException(Name, $"Dataset '{Name}' ({path}): {ex.Message}", ex);
                }
            }
            start += count;
        }
        return rows;
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
        var shape = Shape(path);
        var nullRow = Array.IndexOf(data, null);
        if (nullRow >= 0)
            throw new DatasetException(Name, $"Dataset '{Name}' ({path}): could not save: row {nullRow + 1} is null. The previous file, if any, was left unchanged.");
        var fields = new DataField[shape.Members.Count];
        for (var i = 0; i < fields.Length; i++) fields[i] = shape.Members[i].CreateField();
        var groupSize = SaveOptions.RowGroupSize is > 0 and var size ? size : ParquetOptions.DefaultRowGroupSize;

        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, SaveOptions, append: false, cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < data.Length; start += groupSize)
        {
            var count = Math.Min(groupSize, data.Length - start);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                var member = shape.Members[i];
                try
                {
                    await member.Writer.WriteAsync(group, fields[i], data, start, count, cancellationToken).ConfigureAwait(false);
                }
                catch (ParquetColumnException ex)
                {
                    throw new DatasetException(Name,
                        $"Dataset '{Name}' ({path}): could not save column '{member.ColumnName}': {DatasetErrors.Sentence(ex.Message)} " +
                        "The previous file, if any, was left unchanged.", ex.InnerException ?? ex);
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ParquetDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({FilePath})";

    private ParquetShape<TRow> Shape(string path)
    {
        try
        {
            return ParquetShape<TRow>.Instance;
        }
        catch (ParquetColumnException ex)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({path}): {ex.Message}", ex);
        }
    }

    // The file's column each loadable property reads, and how. A property the file has no column for
    // stays at its default: an error unless the property may be null.
    private List<(ParquetMember<TRow> Member, DataField Field, ParquetColumnIO<TRow> IO)> Plan(ParquetShape<TRow> shape, ParquetSchema schema, string path)
    {
        var comparison = LoadOptions.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var columns = new List<(ParquetMember<TRow>, DataField, ParquetColumnIO<TRow>)>();
        List<string>? missing = null;
        foreach (var member in shape.Members)
        {
            if (!member.CanLoad) continue;
            var field = schema.Fields.FirstOrDefault(f => string.Equals(f.Name, member.ColumnName, StringComparison.Ordinal))
                ?? schema.Fields.FirstOrDefault(f => string.Equals(f.Name, member.ColumnName, comparison));
            if (field is null)
            {
                if (!member.IsNullable) (missing ??= []).Add($"'{member.ColumnName}' (for {DatasetErrors.TypeName(typeof(TRow))}.{member.Property.Name})");
                continue;
            }
            if (field is not DataField data || member.ReaderFor(data) is not { } io)
            {
                throw new DatasetException(Name,
                    $"Dataset '{Name}' ({path}): column '{field.Name}' does not fit {member.Describe()}: the column holds {ParquetMember<TRow>.DescribeColumn(field)}. " +
                    "Change the property's type to fit the column, or leave it out with [JsonIgnore].");
            }
            columns.Add((member, data, io));
        }
        if (missing is null) return columns;
        throw new DatasetException(Name,
            $"Dataset '{Name}' ({path}): the file has no column {string.Join(", ", missing)}. " +
            $"The file's columns are: {string.Join(", ", schema.Fields.Select(f => f.Name))}. " +
            "Add the column to the file, name the property's column with [JsonPropertyName(\"…\")], or make the property nullable if it may be absent.");
    }
}
