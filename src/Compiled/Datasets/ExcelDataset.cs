using Compiled.Storage;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Compiled.Config;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using System.Xml;

namespace Compiled.Datasets;

/// <summary>
/// One sheet of an Excel workbook (<c>.xlsx</c>) as rows of type <typeparamref name="TRow"/>: Kedro's
/// <c>pandas.ExcelDataset</c>, and the catalog type <c>excel</c>. Read straight from the zip with
/// <see cref="XmlReader"/>, streaming rows; written with the Open XML SDK (<c>DocumentFormat.OpenXml</c>).
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
    private const uint DateStyle = 1;
    private const uint DateTimeStyle = 2;

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
            var shared = ReadSharedStrings(package);
            var reader = new SheetReader(this, shape, path, sheetName, shared);
            // The parts are found and read straight from the zip, the rows streamed with a plain XmlReader: the Open XML
            // SDK's package and DOM cost a cold load hundreds of milliseconds (type loading and JIT) for what a load needs.
            using var xml = package.Read(part);
            uint lastRow = 0;
            var cells = new List<(int Column, string? Type, string? Text)>();
            var attribute = new char[AttributeBuffer];
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
                var rowNumber = uint.TryParse(Attribute(xml, "r", attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                lastRow = rowNumber;
                cells.Clear();
                if (!xml.IsEmptyElement) ReadRow(xml, cells, attribute);
                reader.Add(rowNumber, cells);
            }
            return reader.Finish();
        }
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, TRow[] data, string path)
    {
        var shape = RowShape<TRow>.Instance;
        var sheetName = SaveOptions.SheetName ?? DefaultSheetName;
        var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = CreateStylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            // Rows are streamed with a plain XmlWriter: the SDK's element objects cost ten times more.
            using (var xml = XmlWriter.Create(sheetPart.GetStream(FileMode.Create, FileAccess.Write), WriterSettings))
            {
                xml.WriteStartDocument(standalone: true);
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
            }
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(stream);
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

    // Reads the cells of the <row> the reader is on, up to its end: (column, t attribute, text of <v> or of the inline string).
    private static void ReadRow(XmlReader xml, List<(int Column, string? Type, string? Text)> cells, char[] attribute)
    {
        var depth = xml.Depth;
        var next = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            var column = ExcelCells.ColumnIndex(Attribute(xml, "r", attribute));
            if (column < 0) column = next;
            next = column + 1;
            var type = CellType(xml, attribute);
            string? text = null;
            if (!xml.IsEmptyElement)
            {
                var cellDepth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.NodeType != XmlNodeType.Element) continue;
                    if (xml.LocalName == "v") text = xml.ReadElementContentAsString();
                    else if (xml.LocalName == "is") text = ReadStringItem(xml);
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth) break;
                }
            }
            cells.Add((column, type, text));
        }
    }

    // Cell and row attributes are short ("AB12", "inlineStr"): read without a string per cell, whose allocation (and the
    // collections it caused) was most of a cold load's time outside the XML parser.
    private const int AttributeBuffer = 32;

    // The value of the attribute of the element the reader is on, copied into buffer; empty when absent. A value longer
    // than the buffer is cut, which no row number, cell reference or cell type is.
    private static ReadOnlySpan<char> Attribute(XmlReader xml, string name, char[] buffer)
    {
        if (!xml.MoveToAttribute(name)) return default;
        var length = xml.ReadValueChunk(buffer, 0, buffer.Length);
        xml.MoveToElement();
        return buffer.AsSpan(0, length);
    }

    // The cell's t attribute, as one of the constants of the format (no string per cell); another value as read.
    private static string? CellType(XmlReader xml, char[] buffer)
    {
        var type = Attribute(xml, "t", buffer);
        return type switch
        {
            [] => xml.GetAttribute("t"),
            "n" => "n",
            "s" => "s",
            "inlineStr" => "inlineStr",
            "str" => "str",
            "b" => "b",
            "e" => "e",
            "d" => "d",
            _ => xml.GetAttribute("t"),
        };
    }

    // Reads an <si> or <is> string item: plain <t>, or rich-text runs <r><t/></r>; phonetic guides (<rPh>) are not part of the value.
    private static string ReadStringItem(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        string? single = null;
        System.Text.StringBuilder? builder = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                if (single is null && builder is null) single = text;
                else (builder ??= new System.Text.StringBuilder(single)).Append(text);
                continue;
            }
            xml.Read();
        }
        xml.Read();
        return builder?.ToString() ?? single ?? "";
    }

    private static string[] ReadSharedStrings(XlsxPackage package)
    {
        if (package.SharedStringsPart is not { } part) return [];
        var strings = new List<string>();
        using var xml = package.Read(part);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si") strings.Add(ReadStringItem(xml));
            else xml.Read();
        }
        return [.. strings];
    }

    private static Stylesheet CreateStylesheet() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },  // date
            new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true })  // date and time
        { Count = 3 });

    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = true,
        CheckCharacters = true,
    };

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

    /// <summary>Turns the rows of one sheet into <typeparamref name="TRow"/>s, header first.</summary>
    private sealed class SheetReader(ExcelDataset<TRow> dataset, RowShape<TRow> shape, string path, string sheet, string[] shared)
    {
        private readonly List<TRow> _rows = [];
        private readonly uint _headerRowNumber = (uint)(dataset.LoadOptions.HeaderRow ?? -1) + 1;
        private readonly HashSet<string>? _naValues = dataset.LoadOptions.NaValues.Count == 0 ? null : new(dataset.LoadOptions.NaValues, StringComparer.Ordinal);
        private int[]? _columnToMember;
        private string[]? _header;

        public void Add(uint rowNumber, List<(int Column, string? Type, string? Text)> rawCells)
        {
            var hasHeader = dataset.LoadOptions.HeaderRow is not null;
            if (hasHeader && rowNumber < _headerRowNumber) return;
            var cells = new List<(int Column, object? Value)>(rawCells.Count);
            foreach (var (column, type, text) in rawCells) cells.Add((column, CellValue(type, text, column, rowNumber)));
            if (hasHeader && _columnToMember is null)
            {
                ReadHeader(cells, rowNumber);
                return;
            }
            if (!hasHeader && _columnToMember is null)
            {
                _columnToMember = Enumerable.Range(0, shape.Members.Count).ToArray();
            }
            if (cells.All(c => c.Value is null or "")) return;
            _rows.Add(CreateRow(cells, rowNumber));
        }

        public TRow[] Finish() => [.. _rows];

        private object? CellValue(string? type, string? text, int column, uint rowNumber)
        {
            if (text is null) return null;
            if (type is "inlineStr") return text;
            if (type is "s")
            {
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Length
                    ? shared[index]
                    : throw Error(rowNumber, column, $"refers to shared string {text}, which the workbook does not have");
            }
            if (type is "b") return text is "1" or "true";
            if (type is "str") return text;
            if (type is "e") throw Error(rowNumber, column, $"holds the error {text}");
            if (type is "d") return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Error(rowNumber, column, $"holds '{text}', which is not a number");
        }

        private void ReadHeader(List<(int Column, object? Value)> cells, uint rowNumber)
        {
            var width = cells.Count == 0 ? 0 : cells.Max(c => c.Column) + 1;
            _header = new string[width];
            for (var i = 0; i < width; i++) _header[i] = "";
            foreach (var (column, value) in cells) _header[column] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value as string ?? "";
            var (map, missing) = shape.Match(_header);
            _columnToMember = map;
            var required = missing.Where(m => !m.IsNullable).ToList();
            if (required.Count == 0) return;
            throw new DatasetException(dataset.Name,
                $"Dataset '{dataset.Name}' ({path}): sheet '{sheet}', header row {rowNumber} has no column " +
                string.Join(", ", required.Select(m => $"'{m.ColumnName}' (for {DatasetErrors.TypeName(typeof(TRow))}.{m.Property.Name})")) +
                $". The sheet's columns are: {string.Join(", ", _header.Where(h => h.Length > 0))}. " +
                $"Add the column to the sheet, rename the property of {DatasetErrors.TypeName(typeof(TRow))}, or make it nullable if it may be absent.");
        }

        private TRow CreateRow(List<(int Column, object? Value)> cells, uint rowNumber)
        {
            var values = new object?[shape.Members.Count];
            var seen = new bool[shape.Members.Count];
            foreach (var (column, value) in cells)
            {
                if (column >= _columnToMember!.Length || _columnToMember[column] < 0) continue;
                var member = shape.Members[_columnToMember[column]];
                seen[member.Index] = true;
                values[member.Index] = Convert(value, member, rowNumber, column);
            }
            for (var m = 0; m < values.Length; m++)
            {
                if (values[m] is not null) continue;
                var member = shape.Members[m];
                var column = Array.IndexOf(_columnToMember!, m);
                if (column < 0 && member.IsNullable) continue;
                values[m] = Convert(null, member, rowNumber, column);
            }
            try
            {
                return shape.Create(values);
            }
            catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is { } inner)
            {
                throw new DatasetException(dataset.Name,
                    $"Dataset '{dataset.Name}' ({path}): sheet '{sheet}', row {rowNumber}: {DatasetErrors.TypeName(typeof(TRow))} rejected the row: {inner.GetType().Name}: {DatasetErrors.Sentence(inner.Message)}", inner);
            }
        }

        private object? Convert(object? value, RowMember member, uint rowNumber, int column)
        {
            if (value is not null && IsNaMarker(value))
            {
                // pandas' na_values: a missing value, NaN into a double or float (pandas' NaN).
                if (member.IsNullable) return null;
                if (member.ValueType == typeof(double)) return double.NaN;
                if (member.ValueType == typeof(float)) return float.NaN;
                value = null;
            }
            if (value is null || (value is "" && member.ValueType != typeof(string)))
            {
                if (member.IsNullable) return null;
                if (member.ValueType == typeof(string)) return "";
                throw Error(rowNumber, column, $"is empty, but {member.Describe(typeof(TRow))} cannot be null; make it nullable or fill the cell", member);
            }
            try
            {
                return CellConverter.Convert(value, member.ValueType);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                var shown = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
                throw Error(rowNumber, column, $"cannot convert '{shown}' to {member.Describe(typeof(TRow))}: {DatasetErrors.Sentence(ex.Message)}", member, ex);
            }
        }

        /// <summary>
        /// Whether the cell is one of <see cref="ExcelDatasetOptions.NaValues"/>: its text, or a number written as a marker
        /// is (<c>-999</c>), in the invariant culture.
        /// </summary>
        private bool IsNaMarker(object value) => _naValues is not null && value switch
        {
            string text => _naValues.Contains(text),
            IFormattable number => _naValues.Contains(number.ToString(null, CultureInfo.InvariantCulture)),
            _ => false,
        };

        private DatasetException Error(uint rowNumber, int column, string problem, RowMember? member = null, Exception? inner = null)
        {
            var name = _header is not null && column >= 0 && column < _header.Length && _header[column].Length > 0 ? _header[column] : member?.ColumnName;
            var where = column < 0
                ? $"column '{member?.ColumnName}' (absent)"
                : (name is null ? "" : $"column '{name}' ") + $"(cell {ExcelCells.CellReference(column, rowNumber)})";
            return new DatasetException(dataset.Name, $"Dataset '{dataset.Name}' ({path}): sheet '{sheet}', row {rowNumber}, {where} {problem}.", inner);
        }
    }
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
