using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Compiled.Datasets;

/// <summary>
/// Turns the rows of one sheet into <typeparamref name="TRow"/>s, header first, for <see cref="ExcelDataset{TRow}"/>. A class
/// row type with a parameterless constructor and members of the common types is filled through typed setters
/// (<see cref="ExcelField{TRow}"/>); every other row type through <see cref="RowShape{TRow}.Create"/>. Both convert with
/// <see cref="CellConverter"/> rules and report the same errors.
/// </summary>
internal sealed class ExcelSheetReader<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow>
{
    private readonly string _dataset;
    private readonly ExcelDatasetOptions _options;
    private readonly RowShape<TRow> _shape;
    private readonly string _path;
    private readonly string _sheet;
    private readonly string[] _shared;
    private readonly List<TRow> _rows = [];
    private readonly uint _headerRowNumber;
    private readonly HashSet<string>? _naValues;
    private readonly ExcelField<TRow>[]? _fields;
    private ExcelCellValue[] _values = new ExcelCellValue[16];
    private int[]? _columnToMember;
    private string[]? _header;

    public ExcelSheetReader(string dataset, ExcelDatasetOptions options, RowShape<TRow> shape, string path, string sheet, string[] shared)
    {
        _dataset = dataset;
        _options = options;
        _shape = shape;
        _path = path;
        _sheet = sheet;
        _shared = shared;
        _headerRowNumber = (uint)(options.HeaderRow ?? -1) + 1;
        _naValues = options.NaValues.Count == 0 ? null : new(options.NaValues, StringComparer.Ordinal);
        _fields = ExcelField<TRow>.For(shape);
    }

    /// <summary>Reads row <paramref name="rowNumber"/>: the header, a row of data, or nothing (before the header, or blank).</summary>
    public void Add(uint rowNumber, ExcelRowCells cells)
    {
        var hasHeader = _options.HeaderRow is not null;
        if (hasHeader && rowNumber < _headerRowNumber) return;
        if (_values.Length < cells.Count) _values = new ExcelCellValue[Math.Max(cells.Count, _values.Length * 2)];
        var blank = true;
        for (var i = 0; i < cells.Count; i++)
        {
            _values[i] = CellValue(cells, i, rowNumber);
            blank &= _values[i].IsBlank;
        }
        if (hasHeader && _columnToMember is null)
        {
            ReadHeader(cells, rowNumber);
            return;
        }
        _columnToMember ??= Enumerable.Range(0, _shape.Members.Count).ToArray();
        if (blank) return;
        _rows.Add(_fields is null ? CreateRow(cells, rowNumber) : FillRow(_fields, cells, rowNumber));
    }

    public TRow[] Finish() => [.. _rows];

    private ExcelCellValue CellValue(ExcelRowCells cells, int index, uint rowNumber)
    {
        if (!cells.HasValue(index)) return ExcelCellValue.None;
        var column = cells.Column(index);
        var value = cells.Value(index);
        switch (cells.Type(index))
        {
            case "inlineStr" or "str":
                return ExcelCellValue.FromText(cells.Text(index));
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var shared) && shared < _shared.Length
                    ? ExcelCellValue.FromText(_shared[shared])
                    : throw Error(rowNumber, column, $"refers to shared string {value}, which the workbook does not have");
            case "b":
                return ExcelCellValue.FromBoolean(value is "1" or "true");
            case "e":
                throw Error(rowNumber, column, $"holds the error {value}");
            case "d":
                return ExcelCellValue.FromDate(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            default:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? ExcelCellValue.FromNumber(number)
                    : throw Error(rowNumber, column, $"holds '{value}', which is not a number");
        }
    }

    private void ReadHeader(ExcelRowCells cells, uint rowNumber)
    {
        var width = 0;
        for (var i = 0; i < cells.Count; i++) width = Math.Max(width, cells.Column(i) + 1);
        _header = new string[width];
        for (var i = 0; i < width; i++) _header[i] = "";
        for (var i = 0; i < cells.Count; i++)
        {
            var value = _values[i].Box();
            _header[cells.Column(i)] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value as string ?? "";
        }
        var (map, missing) = _shape.Match(_header);
        _columnToMember = map;
        var required = missing.Where(m => !m.IsNullable).ToList();
        if (required.Count == 0) return;
        throw new DatasetException(_dataset,
            $"Dataset '{_dataset}' ({_path}): sheet '{_sheet}', header row {rowNumber} has no column " +
            string.Join(", ", required.Select(m => $"'{m.ColumnName}' (for {DatasetErrors.TypeName(typeof(TRow))}.{m.Property.Name})")) +
            $". The sheet's columns are: {string.Join(", ", _header.Where(h => h.Length > 0))}. " +
            $"Add the column to the sheet, rename the property of {DatasetErrors.TypeName(typeof(TRow))}, or make it nullable if it may be absent.");
    }

    // The typed path: each cell converted into its member's field (the general conversion where the field cannot), the
    // members no cell filled as absent, then the row created and its members set in declaration order — the order
    // RowShape.Create follows, so a failing conversion is reported before the row's constructor or setters run.
    private TRow FillRow(ExcelField<TRow>[] fields, ExcelRowCells cells, uint rowNumber)
    {
        foreach (var field in fields) field.Reset();
        var map = _columnToMember!;
        for (var i = 0; i < cells.Count; i++)
        {
            var column = cells.Column(i);
            if (column >= map.Length || map[column] < 0) continue;
            var member = _shape.Members[map[column]];
            var field = fields[member.Index];
            if (_naValues is not null || !field.TryTake(_values[i])) field.TakeConverted(Convert(_values[i].Box(), member, rowNumber, column));
        }
        for (var m = 0; m < fields.Length; m++)
        {
            if (fields[m].HasValue) continue;
            var member = _shape.Members[m];
            var column = Array.IndexOf(map, m);
            if (column < 0 && member.IsNullable) continue;
            fields[m].TakeConverted(Convert(null, member, rowNumber, column));
        }
        try
        {
            var row = _shape.CreateEmpty();
            foreach (var field in fields) field.Apply(row);
            return row;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            throw Rejected(rowNumber, inner);
        }
    }

    // The general path: one boxed value per member, the row created by RowShape.Create (constructors, structs, any member type).
    private TRow CreateRow(ExcelRowCells cells, uint rowNumber)
    {
        var values = new object?[_shape.Members.Count];
        var map = _columnToMember!;
        for (var i = 0; i < cells.Count; i++)
        {
            var column = cells.Column(i);
            if (column >= map.Length || map[column] < 0) continue;
            var member = _shape.Members[map[column]];
            values[member.Index] = Convert(_values[i].Box(), member, rowNumber, column);
        }
        for (var m = 0; m < values.Length; m++)
        {
            if (values[m] is not null) continue;
            var member = _shape.Members[m];
            var column = Array.IndexOf(map, m);
            if (column < 0 && member.IsNullable) continue;
            values[m] = Convert(null, member, rowNumber, column);
        }
        try
        {
            return _shape.Create(values);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            throw Rejected(rowNumber, inner);
        }
    }

    private DatasetException Rejected(uint rowNumber, Exception inner) => new(_dataset,
        $"Dataset '{_dataset}' ({_path}): sheet '{_sheet}', row {rowNumber}: {DatasetErrors.TypeName(typeof(TRow))} rejected the row: {inner.GetType().Name}: {DatasetErrors.Sentence(inner.Message)}", inner);

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
        return new DatasetException(_dataset, $"Dataset '{_dataset}' ({_path}): sheet '{_sheet}', row {rowNumber}, {where} {problem}.", inner);
    }
}
