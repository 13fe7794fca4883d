using Compiled.Storage;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using Compiled.Config;
using CsvHelper;

namespace Compiled.Datasets;

/// <summary>
/// A CSV file of rows of type <typeparamref name="TRow"/>: Kedro's <c>pandas.CSVDataset</c>, and the
/// catalog type <c>csv</c>. Fields are read and written with CsvHelper's reader and writer; rows are
/// mapped without reflection emit or generated code, so the dataset is trimming- and native-AOT-safe.
/// </summary>
/// <remarks>
/// <para>
/// Columns bind to public properties (or constructor parameters of positional records) by name,
/// ignoring case, <c>_</c> and spaces: the column <c>company_rating</c> fills <c>CompanyRating</c>.
/// Headers are written in snake_case, so a saved file loads back. A column name can be chosen with
/// CsvHelper's <c>[CsvColumn("name")]</c> (on the property, or on the parameter of a positional record)
/// or <c>[JsonPropertyName("name")]</c>; a property is left out with <c>[CsvIgnore]</c> or <c>[JsonIgnore]</c>.
/// Only properties are columns (public fields are not mapped): a save writes every public property with a
/// getter, a load fills those that have a public setter or are constructor parameters and ignores the columns of
/// read-only ones. Without a header, columns bind by position in the order the properties are declared.
/// </para>
/// <para>
/// An empty field (or one of <see cref="CsvDatasetOptions.NaValues"/>) loads as null into a nullable member (<c>int?</c>, <c>string?</c>), as <c>""</c> into a
/// <c>string</c>, and a column may be missing altogether for a nullable member; a missing column for any
/// other member is an error. Numbers and dates are parsed and written with <see cref="CsvDatasetOptions.Culture"/>:
/// doubles as the shortest text that round-trips, booleans as <c>True</c>/<c>False</c> (loading also accepts
/// true/false, t/f, yes/no, y/n and 1/0), dates and times in ISO 8601 round-trip form, null as an empty field.
/// Files are written with <c>\n</c> line endings, quoting the fields that hold the separator, a quote or a line
/// break, or start or end with whitespace. Errors name the dataset, the file, the row (the header is row 1)
/// and the column.
/// </para>
/// <para>Saves are atomic: a failed save leaves the previous file byte for byte.</para>
/// </remarks>
/// <typeparam name="TRow">The type of one row.</typeparam>
public sealed class CsvDataset<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow> : FileDataset<TRow[]>, IConfiguredDataset<CsvDataset<TRow>>
{
    private const int MaxRecordInMessage = 200;

    /// <summary>Creates the dataset with the same options for loading and saving.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="options">How to read and write; <see cref="CsvDatasetOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The delimiter is not a single ASCII character other than a quote or a line break.</exception>
    public CsvDataset(string name, FileLocation filePath, CsvDatasetOptions? options = null)
        : this(name, filePath, options, options)
    {
    }

    /// <summary>Creates the dataset with different options for loading and saving (as <c>load_args</c> and <c>save_args</c> allow).</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="loadOptions">How to read; <see cref="CsvDatasetOptions.Default"/> when null.</param>
    /// <param name="saveOptions">How to write; <see cref="CsvDatasetOptions.Default"/> when null.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded (then <paramref name="filePath"/> is the directory of the versions).</param>
    /// <exception cref="ArgumentException">A delimiter is not a single ASCII character other than a quote or a line break.</exception>
    public CsvDataset(string name, FileLocation filePath, CsvDatasetOptions? loadOptions, CsvDatasetOptions? saveOptions, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
        LoadOptions = loadOptions ?? CsvDatasetOptions.Default;
        SaveOptions = saveOptions ?? CsvDatasetOptions.Default;
        if (!CsvDatasetOptions.IsValidDelimiter(LoadOptions.Delimiter))
            throw new ArgumentException($"The delimiter '{LoadOptions.Delimiter}' is not a single ASCII character other than a quote or a line break.", nameof(loadOptions));
        if (!CsvDatasetOptions.IsValidDelimiter(SaveOptions.Delimiter))
            throw new ArgumentException($"The delimiter '{SaveOptions.Delimiter}' is not a single ASCII character other than a quote or a line break.", nameof(saveOptions));
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
        var path = config.GetFileLocation("filepath");
        return new CsvDataset<TRow>(config.Name, path,
            CsvDatasetOptions.FromConfig(config, "load_args"),
            CsvDatasetOptions.FromConfig(config, "save_args"),
            DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    protected override TRow[] Read(Stream stream, string path)
    {
        using var csv = CsvReader.Create(stream, ReaderOptions(LoadOptions), leaveOpen: true);
        var rows = new RowReader(this, csv, path);
        try
        {
            csv.ReadHeader();
            if (!rows.Start()) return [];
            var result = new List<TRow>();
            while (csv.Read())
            {
                if (rows.Accept()) result.Add(rows.Current());
            }

            return [.. result];
        }
        catch (CsvFormatException ex)
        {
            throw MalformedError(ex, path);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<TRow[]> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        var csv = CsvReader.Create(stream, ReaderOptions(LoadOptions), leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            var rows = new RowReader(this, csv, path);
            try
            {
                await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                if (!rows.Start()) return [];
                var result = new List<TRow>();
                while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (rows.Accept()) result.Add(rows.Current());
                }

                return [.. result];
            }
            catch (CsvFormatException ex)
            {
                throw MalformedError(ex, path);
            }
        }
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, TRow[] data, string path)
    {
        var shape = RowShape<TRow>.Instance;
        using var csv = CreateWriter(stream, SaveOptions);
        var culture = SaveOptions.Culture;
        if (SaveOptions.HasHeader) csv.WriteHeader(Header(shape));
        for (var i = 0; i < data.Length; i++)
        {
            WriteRow(csv, shape, data[i], i, culture, path);
            csv.EndRecord();
        }
        csv.Flush();
    }

    /// <inheritdoc />
    protected override async ValueTask WriteAsync(Stream stream, TRow[] data, string path, CancellationToken cancellationToken)
    {
        var shape = RowShape<TRow>.Instance;
        var csv = CreateWriter(stream, SaveOptions);
        await using (csv.ConfigureAwait(false))
        {
            var culture = SaveOptions.Culture;
            if (SaveOptions.HasHeader) csv.WriteHeader(Header(shape));
            for (var i = 0; i < data.Length; i++)
            {
                WriteRow(csv, shape, data[i], i, culture, path);
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            }
            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>Reads and writes front to back: streams straight from and to object stores.</remarks>
    protected override bool NeedsSeekableStream => false;

    /// <inheritdoc />
    public override string ToString() => $"CsvDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({FilePath})";

    /// <summary>The header-matching key of a column or member name: without '_' and spaces, lower case.</summary>
    internal static string NormalizeHeader(string header) => ColumnNames.Normalize(header);

    // UTF-8 is CsvHelper's own encoding: no transcoding, and a byte order mark is honoured (and skipped).
    private static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    private static CsvReaderOptions ReaderOptions(CsvDatasetOptions options) => new()
    {
        Separator = options.Delimiter[0],
        HasHeader = options.HasHeader,
        DetectSeparatorHint = false,
        AllowLineBreaksInQuotes = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        FormatProvider = options.Culture,
        Encoding = IsUtf8(options.Encoding) ? null : options.Encoding,
        BufferSize = DatasetFile.BufferSize,
    };

    private static CsvWriter CreateWriter(Stream stream, CsvDatasetOptions options)
    {
        var writerOptions = new CsvWriterOptions
        {
            Separator = options.Delimiter[0],
            HasHeader = options.HasHeader,
            // Python and pandas write '\n'; on load every line ending is accepted.
            NewLine = "\n",
            // As CsvHelper 33 did, so that readers that trim whitespace keep " padded " values.
            Quoting = CsvQuoting.WhenNeededOrWhitespace,
            Injection = CsvInjection.None,
            FormatProvider = options.Culture,
            NullValue = "",
            WriteByteOrderMark = options.Encoding.GetPreamble().Length > 0,
            BufferSize = DatasetFile.BufferSize,
        };
        if (IsUtf8(options.Encoding)) return CsvWriter.Create(stream, writerOptions, leaveOpen: true);
        // Another encoding: CsvHelper writes UTF-16 text to a writer that encodes it (and writes its preamble).
        var writer = new StreamWriter(stream, options.Encoding, DatasetFile.BufferSize, leaveOpen: true);
        return CsvWriter.Create(writer, writerOptions with { WriteByteOrderMark = false }, leaveOpen: false);
    }

    private static string[] Header(RowShape<TRow> shape)
    {
        var header = new string[shape.ReadableMembers.Count];
        for (var c = 0; c < header.Length; c++) header[c] = shape.ReadableMembers[c].ColumnName;
        return header;
    }

    // The typed fields of the row type (null where the general path applies): per member, and per written column.
    private static CsvField<TRow>?[] CsvFields => s_fields ??= [.. RowShape<TRow>.Instance.Members.Select(CsvField<TRow>.For)];

    private static CsvField<TRow>?[] WrittenFields => s_writtenFields ??= [.. RowShape<TRow>.Instance.ReadableMembers.Select(CsvField<TRow>.For)];

    private static CsvField<TRow>?[]? s_fields;
    private static CsvField<TRow>?[]? s_writtenFields;

    private void WriteRow(CsvWriter csv, RowShape<TRow> shape, TRow item, int index, CultureInfo culture, string path)
    {
        if (item is null) throw WriteError(path, index, null, new ArgumentNullException(nameof(item), "The row is null."));
        var members = shape.ReadableMembers;
        var writers = s_writers ??= [.. members.Select(m => Writer(m))];
        var fields = WrittenFields;
        for (var c = 0; c < writers.Length; c++)
        {
            if (fields[c] is { } field)
            {
                try
                {
                    field.Write(csv, item, culture);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
                {
                    throw WriteError(path, index, members[c], inner);
                }
                continue;
            }
            object? value;
            try
            {
                value = members[c].Get(item);
            }
            catch (Exception ex) when (ex is not DatasetException)
            {
                throw WriteError(path, index, members[c], ex is TargetInvocationException { InnerException: { } inner } ? inner : ex);
            }
            if (value is null) csv.WriteField("");
            else writers[c](csv, value, culture);
        }
    }

    private delegate void FieldWriter(CsvWriter csv, object value, CultureInfo culture);

    private static FieldWriter[]? s_writers;

    // Numbers, booleans and dates are formatted by CsvHelper straight to UTF-8, as CellConverter.Format would write
    // them (doubles the shortest text that round-trips, True/False, ISO 8601 "O"); the other types go through it.
    private static FieldWriter Writer(RowMember member)
    {
        var type = member.ValueType;
        if (type == typeof(string)) return static (csv, value, _) => csv.WriteField((string)value);
        if (type == typeof(int)) return static (csv, value, c) => csv.WriteField((int)value, default, c);
        if (type == typeof(long)) return static (csv, value, c) => csv.WriteField((long)value, default, c);
        if (type == typeof(double)) return static (csv, value, c) => csv.WriteField((double)value, default, c);
        if (type == typeof(decimal)) return static (csv, value, c) => csv.WriteField((decimal)value, default, c);
        if (type == typeof(float)) return static (csv, value, c) => csv.WriteField((float)value, default, c);
        if (type == typeof(short)) return static (csv, value, c) => csv.WriteField((short)value, default, c);
        if (type == typeof(byte)) return static (csv, value, c) => csv.WriteField((byte)value, default, c);
        if (type == typeof(bool)) return static (csv, value, _) => csv.WriteField((bool)value);
        if (type == typeof(DateTime)) return static (csv, value, _) => csv.WriteField((DateTime)value, "O");
        if (type == typeof(DateTimeOffset)) return static (csv, value, _) => csv.WriteField((DateTimeOffset)value, "O");
        return static (csv, value, c) => csv.WriteField(CellConverter.Format(value, c));
    }

    private DatasetException WriteError(string path, int index, RowMember? member, Exception cause)
    {
        var row = index + 1 + (SaveOptions.HasHeader ? 1 : 0);
        var column = member is null ? "" : $", column '{member.ColumnName}' ({DatasetErrors.TypeName(typeof(TRow))}.{member.Property.Name})";
        return new DatasetException(Name,
            $"Dataset '{Name}' ({path}): could not write row {row} (item [{index}] of the array){column}: {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)} " +
            "The previous file, if any, was left unchanged.", cause);
    }

    private DatasetException MalformedError(CsvFormatException ex, string path)
    {
        // CsvFormatException.RecordNumber counts the header, as the rows of the other messages do.
        var row = ex.RecordNumber > 0 ? $"row {ex.RecordNumber}" : "the file";
        var problem = DatasetErrors.Sentence(ex.Message);
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        if (problem.StartsWith("Malformed CSV in record", StringComparison.Ordinal) && colon > 0) problem = problem[(colon + 2)..];
        return new DatasetException(Name,
            $"Dataset '{Name}' ({path}): {row} is malformed CSV: {problem} " +
            "A field that holds the separator, a quote or a line break must be quoted, with its quotes doubled.", ex);
    }

    private static string Shorten(string text) =>
        text.Length <= MaxRecordInMessage ? $"'{text}'" : $"'{text[..MaxRecordInMessage]}…'";

    /// <summary>Turns the records of one file into <typeparamref name="TRow"/>s: header matching, then one row per record.</summary>
    private sealed class RowReader(CsvDataset<TRow> dataset, CsvReader csv, string path)
    {
        private readonly RowShape<TRow> _shape = RowShape<TRow>.Instance;
        private readonly CultureInfo _culture = dataset.LoadOptions.Culture;
        private readonly bool _hasHeader = dataset.LoadOptions.HasHeader;
        private readonly CsvBadLines _badLines = dataset.LoadOptions.BadLines;
        private readonly HashSet<string>? _naValues = dataset.LoadOptions.NaValues.Count == 0 ? null : new(dataset.LoadOptions.NaValues, StringComparer.Ordinal);
        private string[] _header = [];
        private (int Column, RowMember Member, FieldParser Parse, CsvField<TRow>? Field)[] _columns = [];

        // Rows filled member by member (classes with a parameterless constructor): the members no column fills.
        private (RowMember Member, CsvField<TRow>? Field)[] _absent = [];

        /// <summary>Matches the header (or the positions) to the members; false for an empty file.</summary>
        public bool Start()
        {
            if (!_hasHeader)
            {
                // By position, in the order a save writes the columns; those of read-only properties fill nothing.
                var positional = new List<(int, RowMember, FieldParser, CsvField<TRow>?)>();
                for (var c = 0; c < _shape.ReadableMembers.Count; c++)
                {
                    if (_shape.ReadableMembers[c] is { Index: >= 0 } member) positional.Add((c, member, Parser(member), Field(member)));
                }
                _columns = [.. positional];
                _absent = Absent();
                return true;
            }
            _header = [.. csv.Headers];
            if (_header.Length == 0) return false;
            var (map, missing) = _shape.Match(_header);
            var required = missing.Where(m => !m.IsNullable).ToList();
            if (required.Count > 0)
            {
                throw new DatasetException(dataset.Name,
                    $"Dataset '{dataset.Name}' ({path}): the header has no column " +
                    string.Join(", ", required.Select(m => $"'{m.ColumnName}' (for {DatasetErrors.TypeName(typeof(TRow))}.{m.Property.Name})")) +
                    $". The file's columns are: {string.Join(", ", _header)}. " +
                    $"Add the column to the file, rename the property of {DatasetErrors.TypeName(typeof(TRow))}, or make it nullable if it may be absent.");
            }
            var columns = new List<(int, RowMember, FieldParser, CsvField<TRow>?)>();
            for (var c = 0; c < map.Length; c++)
            {
                if (map[c] >= 0) columns.Add((c, _shape.Members[map[c]], Parser(_shape.Members[map[c]]), Field(_shape.Members[map[c]])));
            }
            _columns = [.. columns];
            _absent = Absent();
            return true;
        }

        private CsvField<TRow>? Field(RowMember member) => _shape.FillsEmptyRows ? CsvFields[member.Index] : null;

        // A member no column fills is set to null when it accepts null, as RowShape.Create does.
        private (RowMember, CsvField<TRow>?)[] Absent() => !_shape.FillsEmptyRows
            ? []
            : [.. _shape.Members.Where(m => !_columns.Any(c => c.Member == m) && (!m.Type.IsValueType || m.IsNullable)).Select(m => (m, CsvFields[m.Index]))];

        /// <summary>
        /// Whether to read the current record: true when it has as many fields as the header (or, without one, as a save
        /// writes), or when <see cref="CsvBadLines.Allow"/>; false to skip it under <see cref="CsvBadLines.Skip"/>.
        /// </summary>
        /// <exception cref="DatasetException">The record has another number of fields, under <see cref="CsvBadLines.Error"/>.</exception>
        public bool Accept()
        {
            var expected = _hasHeader ? _header.Length : _shape.ReadableMembers.Count;
            var count = csv.FieldCount;
            if (count == expected || _badLines == CsvBadLines.Allow) return true;
            if (_badLines == CsvBadLines.Skip) return false;
            throw Error($"{RowName()} has {count} field(s) but the {(_hasHeader ? "header has" : "row type writes")} {expected}. " +
                        "Fix the file, or set load_args.on_bad_lines to skip (leave such rows out) or allow (read them as they are).", null);
        }

        /// <summary>Whether the field is one of <see cref="CsvDatasetOptions.NaValues"/> (pandas' <c>na_values</c>).</summary>
        private bool IsNaMarker(int column) => _naValues is not null && _naValues.Contains(csv.GetString(column));

        /// <summary>
        /// What a field of <see cref="CsvDatasetOptions.NaValues"/> loads as into a member that is not nullable: <c>""</c> into
        /// a <c>string</c> (as an empty field), NaN into a <c>double</c> or <c>float</c> (pandas' NaN); null when the member
        /// has no missing value (the field is then parsed, and its conversion error names it).
        /// </summary>
        private static object? MarkerValue(RowMember member) =>
            member.ValueType == typeof(string) ? "" : member.ValueType == typeof(double) ? double.NaN : member.ValueType == typeof(float) ? float.NaN : null;

        /// <summary>The row of the current record.</summary>
        public TRow Current() => _shape.FillsEmptyRows ? Fill() : Construct();

        // A class with a parameterless constructor: created empty, then each member set with its static type where
        // a typed field exists (no boxing), through the member's setter otherwise.
        private TRow Fill()
        {
            var fieldCount = csv.FieldCount;
            try
            {
                var row = _shape.CreateEmpty();
                foreach (var (column, member, parse, field) in _columns)
                {
                    if (column >= fieldCount && !member.IsNullable) throw MissingField(column, fieldCount);
                    var empty = column < fieldCount && csv.IsEmpty(column);
                    var marker = column < fieldCount && !empty && IsNaMarker(column);
                    if (column >= fieldCount || ((empty || marker) && member.IsNullable))
                    {
                        if (field is not null) field.SetNull(row);
                        else member.Set(row!, null);
                        continue;
                    }
                    try
                    {
                        if (marker && MarkerValue(member) is { } value) member.Set(row!, value);
                        else if (field is not null) field.Read(csv, column, _culture, row);
                        else member.Set(row!, empty && member.ValueType == typeof(string) ? "" : parse(csv, column, _culture));
                    }
                    catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
                    {
                        throw CannotConvert(column, member, ex);
                    }
                }
                foreach (var (member, field) in _absent)
                {
                    if (field is not null) field.SetNull(row);
                    else member.Set(row!, null);
                }
                return row;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
            {
                throw Rejected(inner);
            }
        }

        // A positional record or a struct: every value first, then the constructor.
        private TRow Construct()
        {
            var values = new object?[_shape.Members.Count];
            var fieldCount = csv.FieldCount;
            foreach (var (column, member, parse, _) in _columns)
            {
                if (column >= fieldCount)
                {
                    // Only under on_bad_lines: allow does a record reach here short: a missing nullable field is null.
                    if (member.IsNullable) continue;
                    throw MissingField(column, fieldCount);
                }
                if (csv.IsEmpty(column))
                {
                    if (member.IsNullable) continue;
                    if (member.ValueType == typeof(string))
                    {
                        values[member.Index] = "";
                        continue;
                    }
                }
                else if (IsNaMarker(column))
                {
                    if (member.IsNullable) continue;
                    if (MarkerValue(member) is { } value)
                    {
                        values[member.Index] = value;
                        continue;
                    }
                }
                try
                {
                    values[member.Index] = parse(csv, column, _culture);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
                {
                    throw CannotConvert(column, member, ex);
                }
            }
            try
            {
                return _shape.Create(values);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
            {
                throw Rejected(inner);
            }
        }

        private DatasetException MissingField(int column, int fieldCount) =>
            Error($"{RowName()} has {fieldCount} field(s), so {ColumnName(column)} is missing.", null);

        private DatasetException CannotConvert(int column, RowMember member, Exception cause) =>
            Error($"{RowName()}, {ColumnName(column)}: cannot convert {Shorten(csv.GetString(column))} to {member.Describe(typeof(TRow))}.", cause);

        private DatasetException Rejected(Exception cause) =>
            Error($"{RowName()}: {DatasetErrors.TypeName(typeof(TRow))} rejected the row: {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)}", cause);

        // The header is row 1, as CsvHelper 33 and spreadsheets count.
        private string RowName() => $"row {csv.RowNumber + (_hasHeader ? 1 : 0)}";

        private string ColumnName(int column) =>
            column < _header.Length ? $"column '{_header[column]}' (index {column})" : $"column index {column} ('{_shape.ReadableMembers[column].ColumnName}')";

        private DatasetException Error(string problem, Exception? inner)
        {
            var record = Encoding.UTF8.GetString(csv.RawRecord).TrimEnd('\r', '\n');
            var message = $"Dataset '{dataset.Name}' ({path}): {problem}";
            if (record.Length > 0) message += $" The record: {Shorten(record)}";
            return new DatasetException(dataset.Name, message, inner);
        }
    }

    private delegate object? FieldParser(CsvReader csv, int column, CultureInfo culture);

    // CsvHelper parses the common types from the UTF-8 bytes of the field; the others go through the text.
    private static FieldParser Parser(RowMember member)
    {
        var type = member.ValueType;
        if (type == typeof(string)) return static (csv, i, _) => csv.GetString(i);
        if (type == typeof(int)) return static (csv, i, c) => csv.Parse<int>(i, (IFormatProvider)c);
        if (type == typeof(long)) return static (csv, i, c) => csv.Parse<long>(i, (IFormatProvider)c);
        if (type == typeof(double)) return static (csv, i, c) => csv.Parse<double>(i, (IFormatProvider)c);
        if (type == typeof(decimal)) return static (csv, i, c) => csv.Parse<decimal>(i, (IFormatProvider)c);
        if (type == typeof(float)) return static (csv, i, c) => csv.Parse<float>(i, (IFormatProvider)c);
        if (type == typeof(short)) return static (csv, i, c) => csv.Parse<short>(i, (IFormatProvider)c);
        if (type == typeof(byte)) return static (csv, i, c) => csv.Parse<byte>(i, (IFormatProvider)c);
        if (type == typeof(bool)) return static (csv, i, c) => csv.Parse<bool>(i, (IFormatProvider)c);
        if (type == typeof(DateTime)) return static (csv, i, c) => csv.Parse<DateTime>(i, (IFormatProvider)c);
        if (type == typeof(DateTimeOffset)) return static (csv, i, c) => csv.Parse<DateTimeOffset>(i, (IFormatProvider)c);
        if (type == typeof(Guid)) return static (csv, i, c) => csv.Parse<Guid>(i, (IFormatProvider)c);
        return (csv, i, c) => CellConverter.Convert(csv.GetString(i), type, c);
    }
}
