using Compiled.Storage;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Compiled.Config;
using System.Xml;

namespace Compiled.Datasets;

/// <summary>
/// One sheet of an Excel workbook (<c>.xlsx</c>) as rows of type <typeparamref name="TRow"/>: Kedro's
/// <c>pandas.ExcelDataset</c>, and the catalog type <c>excel</c>. Read straight from the zip, streaming rows, the sheet's
/// XML scanned as bytes; written straight into the zip as well (<see cref="XlsxPackageWriter"/>).
/// </summary>
/// <remarks>
/// <para>
/// With a header row, columns bind to public properties (or constructor parameters of positional
/// records) by name, ignoring case, <c>_</c> and spaces: <c>company_rating</c> fills <c>CompanyRating</c>.
/// Headers are written in snake_case (or the name of a <c>[JsonPropertyName]</c>), so a saved workbook
/// loads back. Numbers, booleans, text and dates are stored as native cells; dates load from date cells
/// or ISO text.
/// </para>
/// <para>
/// An empty cell loads as null into a nullable member, as <c>""</c> into a <c>string</c>; a column may
/// be missing for a nullable member only. Errors name the dataset, the file, the sheet, the row and the
/// column (with the cell reference).
/// </para>
/// <para>Saves are atomic: a failed save leaves the previous file byte for byte. Versioning as for every file dataset.</para>
/// </remarks>
/// <typeparam name="TRow">The type of one row.</typeparam>
public sealed class ExcelDataset<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow> : FileDataset<TRow[]>, IConfiguredDataset<ExcelDataset<TRow>>
{
    private const string DefaultSheetName = "Sheet1";
    private const int MaxCellText = 32_767;
    private const uint DateStyle = XlsxPackageWriter.DateStyle;
    private const uint DateTimeStyle = XlsxPackageWriter.DateTimeStyle;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The workbook (the directory of the versions when versioned); a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="loadOptions">How to read; <see cref="ExcelDatasetOptions.Default"/> when null.</param>
    /// <param name="saveOptions">How to write; <see cref="ExcelDatasetOptions.Default"/> when null.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded.</param>
    public ExcelDataset(string name, FileLocation filePath, ExcelDatasetOptions? loadOptions = null, ExcelDatasetOptions? saveOptions = null, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
        LoadOptions = loadOptions ?? ExcelDatasetOptions.Default;
        SaveOptions = saveOptions ?? ExcelDatasetOptions.Default;
        if (SaveOptions.SheetName is { } sheet && !ExcelDatasetOptions.IsValidSheetName(sheet))
            throw new ArgumentException($"'{sheet}' is not a valid sheet name.", nameof(saveOptions));
    }

    /// <summary>How the workbook is read.</summary>
    public ExcelDatasetOptions LoadOptions { get; }

    /// <summary>How the workbook is written.</summary>
    public ExcelDatasetOptions SaveOptions { get; }

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project),
    /// optional <c>load_args</c> / <c>save_args</c> as described on <see cref="ExcelDatasetOptions"/>,
    /// <c>versioned</c> and <c>load_version</c>.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has a malformed or unsupported key.</exception>
    public static ExcelDataset<TRow> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetFileLocation("filepath");
        return new ExcelDataset<TRow>(config.Name, path,
            ExcelDatasetOptions.FromConfig(config, "load_args"),
            ExcelDatasetOptions.FromConfig(config, "save_args"),
            DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    public override string ToString() => $"ExcelDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({FilePath})";

    /// <inheritdoc />
    protected override TRow[] Read(Stream stream, string path)
    {
        var shape = RowShape<TRow>.Instance;
        XlsxPackage package;
        try
        {
            package = XlsxPackage.Open(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or XmlException)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({path}): the file is not an Excel workbook (.xlsx): {DatasetErrors.Sentence(ex.Message)}", ex);
        }
        using (package)
        {
            var (sheetName, part) = FindSheet(package, path);
            var shared = ReadSharedStrings(package, path);
            var reader = new ExcelSheetReader<TRow>(Name, LoadOptions, shape, path, sheetName, shared);
            // The parts are found straight in the zip and the sheet's bytes scanned without an XmlReader: the Open XML SDK's
            // package and DOM cost a cold load hundreds of milliseconds (type loading and JIT), an XmlReader a string per
            // name and value and a decoded copy of every character of tens of megabytes of XML.
            uint lastRow = 0;
            var cells = new ExcelRowCells();
            try
            {
                using var xml = package.Scan(part);
                while (xml.Read())
                {
                    if (xml.Node != SheetXmlNode.Element || !xml.IsLocalName("row"u8)) continue;
                    var rowNumber = xml.TryGetAttribute("r"u8, out var r) && uint.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : lastRow + 1;
                    lastRow = rowNumber;
                    cells.Read(xml);
                    reader.Add(rowNumber, cells);
                }
            }
            catch (XmlException ex)
            {
                var where = lastRow == 0 ? "before its first row" : cells.CurrentColumn < 0 ? $"in or after row {lastRow}" : $"in cell {ExcelCells.CellReference(cells.CurrentColumn, lastRow)}";
                throw new DatasetException(Name,
                    $"Dataset '{Name}' ({path}): sheet '{sheetName}' is not well-formed XML {where}: {DatasetErrors.Sentence(ex.Message)} " +
                    "Save the workbook again from a spreadsheet program, or fix the program that wrote it.", ex);
            }
            return reader.Finish();
        }
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, TRow[] data, string path)
    {
        var shape = RowShape<TRow>.Instance;
        var sheetName = SaveOptions.SheetName ?? DefaultSheetName;
        using var package = new XlsxPackageWriter(stream, sheetName);
        // Rows are streamed with a plain XmlWriter into the worksheet's zip entry.
        var xml = package.Sheet;
        xml.WriteStartElement("worksheet", SpreadsheetNamespace);
        xml.WriteStartElement("sheetData", SpreadsheetNamespace);
        uint rowNumber = 0;
        if (SaveOptions.HeaderRow is not null)
        {
            rowNumber++;
            StartRow(xml, rowNumber);
            for (var c = 0; c < shape.Members.Count; c++) WriteText(xml, ExcelCells.CellReference(c, rowNumber), shape.Members[c].ColumnName);
            xml.WriteEndElement();
        }
        for (var i = 0; i < data.Length; i++)
        {
            rowNumber++;
            var item = data[i];
            if (item is null) throw WriteError(path, sheetName, rowNumber, i, null, new ArgumentNullException(nameof(data), "The row is null."));
            StartRow(xml, rowNumber);
            for (var c = 0; c < shape.Members.Count; c++)
            {
                var member = shape.Members[c];
                try
                {
                    WriteCell(xml, ExcelCells.CellReference(c, rowNumber), member.Get(item));
                }
                catch (Exception ex) when (ex is not DatasetException)
                {
                    throw WriteError(path, sheetName, rowNumber, i, member, ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex);
                }
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        package.Finish();
    }

    private (string Name, string Part) FindSheet(XlsxPackage package, string path)
    {
        var sheets = package.Sheets;
        if (sheets.Count == 0) throw new DatasetException(Name, $"Dataset '{Name}' ({path}): the workbook has no sheet.");
        var wanted = LoadOptions.SheetName;
        var position = wanted is null ? 0 : IndexOfSheet(sheets, wanted);
        if (position < 0)
        {
            throw new DatasetException(Name,
                $"Dataset '{Name}' ({path}): the workbook has no sheet '{wanted}'. Its sheets are: {string.Join(", ", sheets.Select(s => $"'{s.Name}'"))}. " +
                "Fix 'load_args.sheet_name' in the catalog.");
        }
        var found = sheets[position];
        if (found.Part is not { } part)
            throw new DatasetException(Name, $"Dataset '{Name}' ({path}): sheet '{found.Name}' is not a worksheet (a chart sheet?).");
        return (found.Name, part);
    }

    // The sheet named so (ignoring case), else the one at that position (pandas' sheet_name=0); -1 when neither.
    private static int IndexOfSheet(IReadOnlyList<XlsxSheet> sheets, string wanted)
    {
        for (var i = 0; i < sheets.Count; i++)
        {
            if (string.Equals(sheets[i].Name, wanted, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sheets.Count ? index : -1;
    }

    private string[] ReadSharedStrings(XlsxPackage package, string path)
    {
        if (package.SharedStringsPart is not { } part) return [];
        var strings = new List<string>();
        try
        {
            using var xml = package.Scan(part);
            while (xml.Read())
            {
                if (xml.Node == SheetXmlNode.Element && xml.IsLocalName("si"u8)) strings.Add(ExcelRowCells.ReadStringItem(xml));
            }
        }
        catch (XmlException ex)
        {
            throw new DatasetException(Name,
                $"Dataset '{Name}' ({path}): the shared strings are not well-formed XML (after string {strings.Count}): {DatasetErrors.Sentence(ex.Message)} " +
                "Save the workbook again from a spreadsheet program, or fix the program that wrote it.", ex);
        }
        return [.. strings];
    }

    private const string SpreadsheetNamespace = XlsxPackageWriter.SpreadsheetNamespace;

    private static void StartRow(XmlWriter xml, uint rowNumber)
    {
        xml.WriteStartElement("row", SpreadsheetNamespace);
        xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteCell(XmlWriter xml, string reference, object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null:
                return;
            case string text:
                WriteText(xml, reference, text);
                return;
            case bool flag:
                WriteValue(xml, reference, "b", null, flag ? "1" : "0");
                return;
            case double d when !double.IsFinite(d):
                WriteText(xml, reference, d.ToString(invariant));
                return;
            case float f when !float.IsFinite(f):
                WriteText(xml, reference, f.ToString(invariant));
                return;
            case double or float:
                WriteValue(xml, reference, null, null, ((IFormattable)value).ToString("R", invariant));
                return;
            case decimal or int or long or short or byte or sbyte or uint or ulong or ushort:
                WriteValue(xml, reference, null, null, ((IFormattable)value).ToString(null, invariant));
                return;
            case DateTime dateTime:
                WriteValue(xml, reference, null, dateTime.TimeOfDay == TimeSpan.Zero ? DateStyle : DateTimeStyle, dateTime.ToOADate().ToString("R", invariant));
                return;
            case DateTimeOffset offset:
                WriteValue(xml, reference, null, DateTimeStyle, offset.UtcDateTime.ToOADate().ToString("R", invariant));
                return;
            case DateOnly date:
                WriteValue(xml, reference, null, DateStyle, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", invariant));
                return;
            case byte[] bytes:
                WriteText(xml, reference, Convert.ToBase64String(bytes));
                return;
            case IFormattable formattable:
                WriteText(xml, reference, formattable.ToString(null, invariant));
                return;
            default:
                WriteText(xml, reference, value.ToString() ?? "");
                return;
        }
    }

    private static void WriteValue(XmlWriter xml, string reference, string? type, uint? style, string text)
    {
        xml.WriteStartElement("c", SpreadsheetNamespace);
        xml.WriteAttributeString("r", reference);
        if (type is not null) xml.WriteAttributeString("t", type);
        if (style is { } s) xml.WriteAttributeString("s", s.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("v", SpreadsheetNamespace, text);
        xml.WriteEndElement();
    }

    private static void WriteText(XmlWriter xml, string reference, string text)
    {
        if (text.Length > MaxCellText) throw new InvalidDataException($"the text is {text.Length:N0} characters long; an Excel cell holds at most {MaxCellText:N0}.");
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 && text.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r'))
            throw new InvalidDataException("the text has control characters, which an xlsx file cannot store.");
        xml.WriteStartElement("c", SpreadsheetNamespace);
        xml.WriteAttributeString("r", reference);
        xml.WriteAttributeString("t", "inlineStr");
        xml.WriteStartElement("is", SpreadsheetNamespace);
        xml.WriteStartElement("t", SpreadsheetNamespace);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private DatasetException WriteError(string path, string sheet, uint rowNumber, int item, RowMember? member, Exception cause) => new(Name,
        $"Dataset '{Name}' ({path}): could not write sheet '{sheet}', row {rowNumber} (item [{item}] of the array)" +
        (member is null ? "" : $", column '{member.ColumnName}' (cell {ExcelCells.CellReference(member.Index, rowNumber)}, {DatasetErrors.TypeName(typeof(TRow))}.{member.Property.Name})") +
        $": {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)} The previous file, if any, was left unchanged.", cause);
}

/// <summary>Cell references: column letters and numbers.</summary>
internal static class ExcelCells
{
    /// <summary>The cell reference of a zero-based column and a one-based row: (27, 5) → AB5.</summary>
    public static string CellReference(int column, uint row) => ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnLetters(int column)
    {
        Span<char> letters = stackalloc char[4];
        var position = letters.Length;
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters[--position] = (char)('A' + (n - 1) % 26);
        return new string(letters[position..]);
    }

    /// <summary>The zero-based column of a cell reference: AB5 → 27; -1 when malformed.</summary>
    public static int ColumnIndex(string? reference) => ColumnIndex(reference.AsSpan());

    /// <summary>The zero-based column of a cell reference: AB5 → 27; -1 when malformed or empty.</summary>
    public static int ColumnIndex(ReadOnlySpan<char> reference)
    {
        if (reference.IsEmpty) return -1;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') break;
            column = column * 26 + (upper - 'A' + 1);
            letters++;
        }
        return letters == 0 ? -1 : column - 1;
    }

}
