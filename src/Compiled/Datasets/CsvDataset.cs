using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Compiled.Config;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace Compiled.Datasets;

/// <summary>
/// A CSV file of rows of type <typeparamref name="TRow"/>: Kedro's <c>pandas.CSVDataset</c>, and the
/// catalog type <c>csv</c>. Read and written with CsvHelper.
/// </summary>
/// <remarks>
/// <para>
/// Columns bind to public properties (or constructor parameters of positional records) by name,
/// ignoring case, <c>_</c> and spaces: the column <c>company_rating</c> fills <c>CompanyRating</c>.
/// Headers are written in snake_case, so a saved file loads back. CsvHelper's attributes
/// (<c>[Name]</c>, <c>[Index]</c>, <c>[Ignore]</c>, …) on the row type are honoured.
/// </para>
/// <para>
/// An empty field loads as null into a nullable member (<c>int?</c>, <c>string?</c>), and a column
/// may be missing altogether for such a member; a missing column for any other member is an
/// error. Errors name the dataset, the file, the row and the column.
/// </para>
/// <para>Saves are atomic: a failed save leaves the previous file byte for byte.</para>
/// </remarks>
/// <typeparam name="TRow">The type of one row.</typeparam>
[RequiresUnreferencedCode(ReflectionMessage)]
[RequiresDynamicCode(ReflectionMessage)]
public sealed class CsvDataset<[DynamicallyAccessedMembers(RowMembers)] TRow> : FileDataset<TRow[]>
{
    internal const string ReflectionMessage =
        "CsvDataset maps rows with reflection and compiled expressions (CsvHelper); it is not trimming- or native-AOT-safe.";

    internal const DynamicallyAccessedMemberTypes RowMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields;

    private const int MaxRecordInMessage = 200;

    /// <summary>Creates the dataset with the same options for loading and saving.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a relative path is resolved against the current directory.</param>
    /// <param name="options">How to read and write; <see cref="CsvDatasetOptions.Default"/> when null.</param>
    public CsvDataset(string name, string filePath, CsvDatasetOptions? options = null)
        : this(name, filePath, options, options)
    {
    }

    /// <summary>Creates the dataset with different options for loading and saving (as <c>load_args</c> and <c>save_args</c> allow).</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a relative path is resolved against the current directory.</param>
    /// <param name="loadOptions">How to read; <see cref="CsvDatasetOptions.Default"/> when null.</param>
    /// <param name="saveOptions">How to write; <see cref="CsvDatasetOptions.Default"/> when null.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded (then <paramref name="filePath"/> is the directory of the versions).</param>
    public CsvDataset(string name, string filePath, CsvDatasetOptions? loadOptions, CsvDatasetOptions? saveOptions, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
        LoadOptions = loadOptions ?? CsvDatasetOptions.Default;
        SaveOptions = saveOptions ?? CsvDatasetOptions.Default;
    }

    /// <summary>How the file is read.</summary>
    public CsvDatasetOptions LoadOptions { get; }

    /// <summary>How the file is written.</summary>
    public CsvDatasetOptions SaveOptions { get; }

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project) and
    /// optional <c>load_args</c> / <c>save_args</c> as described on <see cref="CsvDatasetOptions"/>.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has a malformed or unsupported key.</exception>
    public static CsvDataset<TRow> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetRequiredPath("filepath");
        return new CsvDataset<TRow>(config.Name, path,
            CsvDatasetOptions.FromConfig(config, "load_args"),
            CsvDatasetOptions.FromConfig(config, "save_args"),
            DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    protected override TRow[] Read(Stream stream, string path)
    {
        using var reader = new StreamReader(stream, LoadOptions.Encoding, detectEncodingFromByteOrderMarks: true, DatasetFile.BufferSize, leaveOpen: true);
        using var csv = new CsvReader(reader, CreateConfiguration(LoadOptions, forWriting: false), leaveOpen: true);
        var members = RegisterMap(csv.Context);
        try
        {
            return csv.GetRecords<TRow>().ToArray();
        }
        catch (CsvHelperException ex)
        {
            throw ReadError(ex, members, path);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<TRow[]> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, LoadOptions.Encoding, detectEncodingFromByteOrderMarks: true, DatasetFile.BufferSize, leaveOpen: true);
        using var csv = new CsvReader(reader, CreateConfiguration(LoadOptions, forWriting: false), leaveOpen: true);
        var members = RegisterMap(csv.Context);
        var rows = new List<TRow>();
        try
        {
            await foreach (var row in csv.GetRecordsAsync<TRow>(cancellationToken).ConfigureAwait(false)) rows.Add(row);
        }
        catch (CsvHelperException ex)
        {
            throw ReadError(ex, members, path);
        }
        return rows.ToArray();
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, TRow[] data, string path)
    {
        using var writer = new StreamWriter(stream, SaveOptions.Encoding, DatasetFile.BufferSize, leaveOpen: true);
        using var csv = new CsvWriter(writer, CreateConfiguration(SaveOptions, forWriting: true), leaveOpen: true);
        RegisterMap(csv.Context);
        try
        {
            csv.WriteRecords(data);
            csv.Flush();
        }
        catch (CsvHelperException ex)
        {
            throw WriteError(ex, path);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask WriteAsync(Stream stream, TRow[] data, string path, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, SaveOptions.Encoding, DatasetFile.BufferSize, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var csv = new CsvWriter(writer, CreateConfiguration(SaveOptions, forWriting: true), leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                RegisterMap(csv.Context);
                try
                {
                    await csv.WriteRecordsAsync(data, cancellationToken).ConfigureAwait(false);
                    await csv.FlushAsync().ConfigureAwait(false);
                }
                catch (CsvHelperException ex)
                {
                    throw WriteError(ex, path);
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"CsvDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({FilePath})";

    /// <summary>The header-matching key of a column or member name: without '_' and spaces, lower case.</summary>
    internal static string NormalizeHeader(string header) => ColumnNames.Normalize(header);

    private static CsvConfiguration CreateConfiguration(CsvDatasetOptions options, bool forWriting)
    {
        var configuration = new CsvConfiguration(options.Culture)
        {
            Delimiter = options.Delimiter,
            HasHeaderRecord = options.HasHeader,
            DetectDelimiter = false,
            PrepareHeaderForMatch = static args => NormalizeHeader(args.Header),
        };
        // Python and pandas write '\n'; on load every line ending is accepted.
        return forWriting ? configuration with { NewLine = "\n" } : configuration;
    }

    /// <summary>
    /// Registers the row type's map with snake_case names and nullable members optional; returns
    /// the members by normalized column name, for error messages.
    /// </summary>
    private static Dictionary<string, (string Member, Type Type)> RegisterMap(CsvContext context)
    {
        var map = context.AutoMap<TRow>();
        var members = new Dictionary<string, (string, Type)>(StringComparer.Ordinal);
        Configure(map, new NullabilityInfoContext(), members);
        context.RegisterClassMap(map);
        return members;
    }

    private static void Configure(ClassMap map, NullabilityInfoContext nullability, Dictionary<string, (string, Type)> members)
    {
        foreach (var memberMap in map.MemberMaps)
        {
            var data = memberMap.Data;
            if (data.Member is not { } member) continue;
            var name = Rename(data.Names, member.Name);
            members.TryAdd(NormalizeHeader(name), (member.Name, data.Type));
            var nullable = member switch
            {
                PropertyInfo property => IsNullable(data.Type, nullability.Create(property)),
                FieldInfo field => IsNullable(data.Type, nullability.Create(field)),
                _ => false,
            };
            if (!nullable) continue;
            data.IsOptional = true;
            if (data.Type == typeof(string) && data.TypeConverterOptions.NullValues.Count == 0) memberMap.TypeConverterOption.NullValues(string.Empty);
        }

        foreach (var referenceMap in map.ReferenceMaps) Configure(referenceMap.Data.Mapping, nullability, members);

        foreach (var parameterMap in map.ParameterMaps)
        {
            var data = parameterMap.Data;
            if (parameterMap.ConstructorTypeMap is { } constructorMap) Configure(constructorMap, nullability, members);
            if (parameterMap.ReferenceMap is { } parameterReference) Configure(parameterReference.Data.Mapping, nullability, members);
            if (data.Parameter.Name is not { } parameterName) continue;
            var name = Rename(data.Names, parameterName);
            members.TryAdd(NormalizeHeader(name), (parameterName, data.Parameter.ParameterType));
            if (!IsNullable(data.Parameter.ParameterType, nullability.Create(data.Parameter))) continue;
            data.IsOptional = true;
            if (data.Parameter.ParameterType == typeof(string) && data.TypeConverterOptions.NullValues.Count == 0) parameterMap.TypeConverterOption.NullValues(string.Empty);
        }
    }

    // CsvHelper names a column after its member; write it snake_case unless a [Name] attribute chose another name.
    private static string Rename(MemberNameCollection names, string memberName)
    {
        if (names.Count == 1 && names[0] == memberName)
        {
            names.Clear();
            names.Add(JsonNamingPolicy.SnakeCaseLower.ConvertName(memberName));
        }
        return names.Count > 0 ? names[0] : memberName;
    }

    private static bool IsNullable(Type type, NullabilityInfo info) =>
        Nullable.GetUnderlyingType(type) is not null
        || (!type.IsValueType && (info.WriteState == NullabilityState.Nullable || info.ReadState == NullabilityState.Nullable));

    private DatasetException ReadError(CsvHelperException ex, Dictionary<string, (string Member, Type Type)> members, string path)
    {
        var parser = ex.Context?.Parser;
        var reader = ex.Context?.Reader;
        var header = reader?.HeaderRecord;
        var prefix = $"Dataset '{Name}' ({path})";
        var row = parser is { Row: > 0 } ? $"row {parser.Row}" : "the header";

        string ColumnAt(int index) =>
            header is not null && index >= 0 && index < header.Length ? $"column '{header[index]}' (index {index})" : $"column index {index}";

        string message;
        switch (ex)
        {
            case HeaderValidationException invalid:
            {
                var missing = invalid.InvalidHeaders
                    .Select(h => h.Names.FirstOrDefault() ?? $"#{h.Index}")
                    .Distinct(StringComparer.Ordinal)
                    .Select(n => members.TryGetValue(NormalizeHeader(n), out var m) ? $"'{n}' (for {m.Member})" : $"'{n}'");
                var present = header is null ? "" : $" The file's columns are: {string.Join(", ", header)}.";
                message = $"{prefix}: the header has no column {string.Join(", ", missing)}.{present} " +
                          $"Add the column to the file, rename the property of {DatasetErrors.TypeName(typeof(TRow))}, or make it nullable if it may be absent.";
                break;
            }
            case TypeConverterException conversion:
            {
                var index = reader?.CurrentIndex ?? -1;
                var memberName = conversion.MemberMapData?.Names.FirstOrDefault();
                if (index < 0 && conversion.MemberMapData is { Index: >= 0 } data) index = data.Index;
                var column = index >= 0 ? ColumnAt(index) : $"column '{memberName}'";
                var target = memberName is not null && members.TryGetValue(NormalizeHeader(memberName), out var m)
                    ? $" {DatasetErrors.TypeName(m.Type)} ({DatasetErrors.TypeName(typeof(TRow))}.{m.Member})"
                    : "";
                message = $"{prefix}: {row}, {column}: cannot convert '{conversion.Text}' to{(target.Length > 0 ? target : " the member's type")}.";
                break;
            }
            case CsvHelper.MissingFieldException:
            {
                var index = reader?.CurrentIndex ?? -1;
                message = $"{prefix}: {row} has {parser?.Count} field(s), so {ColumnAt(index)} is missing.";
                break;
            }
            case BadDataException bad:
                message = $"{prefix}: {row}: malformed field {Shorten(bad.Field)} (a quote inside an unquoted field, or an unclosed quote).";
                break;
            default:
                message = $"{prefix}: {row}: {DatasetErrors.FirstLine(ex.Message)}";
                break;
        }
        if (parser?.RawRecord is { Length: > 0 } raw && ex is not HeaderValidationException)
            message += $" The record: {Shorten(raw.TrimEnd('\r', '\n'))}";
        return new DatasetException(Name, message, ex);
    }

    private DatasetException WriteError(CsvHelperException ex, string path)
    {
        var row = ex.Context?.Writer?.Row ?? 0;
        var record = row - (SaveOptions.HasHeader ? 1 : 0);
        var cause = ex is WriterException && ex.InnerException is { } inner ? inner : ex;
        var at = record > 0 ? $"could not write row {row} (item [{record - 1}] of the array)" : "could not write";
        return new DatasetException(Name,
            $"Dataset '{Name}' ({path}): {at}: {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)} " +
            "The previous file, if any, was left unchanged.", cause);
    }

    private static string Shorten(string text) =>
        text.Length <= MaxRecordInMessage ? $"'{text}'" : $"'{text[..MaxRecordInMessage]}…'";
}
