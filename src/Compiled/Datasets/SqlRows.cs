using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Compiled.Datasets;

/// <summary>Reads the rows of a SQL result into <typeparamref name="TRow"/>s, matching columns to properties by name.</summary>
internal sealed class SqlRows<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow>
{
    private readonly string _name;
    private readonly string _source;
    private readonly RowShape<TRow> _shape = RowShape<TRow>.Instance;
    private readonly int[] _columnToMember;
    private readonly string[] _columns;

    /// <param name="name">The dataset, for errors.</param>
    /// <param name="source">What was read ("table 'x' of SQLite database …"), for errors.</param>
    /// <param name="reader">The result, before its first row.</param>
    public SqlRows(string name, string source, DbDataReader reader)
    {
        _name = name;
        _source = source;
        _columns = new string[reader.FieldCount];
        for (var i = 0; i < _columns.Length; i++) _columns[i] = reader.GetName(i);
        var (map, missing) = _shape.Match(_columns);
        _columnToMember = map;
        var required = missing.Where(m => !m.IsNullable).ToList();
        if (required.Count > 0)
        {
            throw new DatasetException(name,
                $"Dataset '{name}' ({source}): the result has no column " +
                string.Join(", ", required.Select(m => $"'{m.ColumnName}' (for {DatasetErrors.TypeName(typeof(TRow))}.{m.Property.Name})")) +
                $". Its columns are: {(_columns.Length == 0 ? "none" : string.Join(", ", _columns))}. " +
                $"Select the column (or an alias: AS {required[0].ColumnName}), rename the property of {DatasetErrors.TypeName(typeof(TRow))}, or make it nullable if it may be absent.");
        }
    }

    public TRow[] ReadAll(DbDataReader reader)
    {
        var rows = new List<TRow>();
        while (reader.Read()) rows.Add(Create(reader, rows.Count + 1));
        return [.. rows];
    }

    public async ValueTask<TRow[]> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<TRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(Create(reader, rows.Count + 1));
        return [.. rows];
    }

    private TRow Create(DbDataReader reader, int rowNumber)
    {
        var values = new object?[_shape.Members.Count];
        for (var i = 0; i < _columnToMember.Length; i++)
        {
            var m = _columnToMember[i];
            if (m < 0) continue;
            var member = _shape.Members[m];
            if (reader.IsDBNull(i))
            {
                if (member.IsNullable) continue;
                if (member.ValueType == typeof(string))
                {
                    values[m] = "";
                    continue;
                }
                throw Error(rowNumber, i, $"is NULL, but {member.Describe(typeof(TRow))} cannot be null; make it nullable or filter NULLs in the query");
            }
            var value = reader.GetValue(i);
            try
            {
                values[m] = CellConverter.Convert(value, member.ValueType);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                var shown = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value is byte[] b ? $"<{b.Length} bytes>" : value.ToString();
                throw Error(rowNumber, i, $"cannot convert '{shown}' to {member.Describe(typeof(TRow))}: {DatasetErrors.Sentence(ex.Message)}", ex);
            }
        }
        for (var m = 0; m < values.Length; m++)
        {
            if (values[m] is null && !_shape.Members[m].IsNullable && _shape.Members[m].ValueType == typeof(string)) values[m] = "";
        }
        try
        {
            return _shape.Create(values);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            throw new DatasetException(_name,
                $"Dataset '{_name}' ({_source}): row {rowNumber}: {DatasetErrors.TypeName(typeof(TRow))} rejected the row: {inner.GetType().Name}: {DatasetErrors.Sentence(inner.Message)}", inner);
        }
    }

    private DatasetException Error(int rowNumber, int column, string problem, Exception? inner = null) =>
        new(_name, $"Dataset '{_name}' ({_source}): row {rowNumber}, column '{_columns[column]}' {problem}.", inner);
}
