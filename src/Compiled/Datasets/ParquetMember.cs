using System.Reflection;
using System.Text.Json.Serialization;
using Parquet.Schema;

namespace Compiled.Datasets;

/// <summary>One column of a row type: the property, its column name, how it is written and the column types it loads from.</summary>
internal sealed class ParquetMember<TRow>
    where TRow : class
{
    private readonly Func<string, DataField> _field;
    private readonly ParquetColumnIO<TRow>[] _readers;

    public ParquetMember(PropertyInfo property, string columnName, bool isNullable, ParquetColumnIO<TRow> io, Func<string, DataField> field, params ParquetColumnIO<TRow>[] alternatives)
    {
        Property = property;
        ColumnName = columnName;
        IsNullable = isNullable;
        Writer = io;
        _field = field;
        _readers = [io, .. alternatives];
        CanLoad = property.SetMethod is { IsPublic: true };
    }

    /// <summary>The property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The column's name: the property's, or its <see cref="JsonPropertyNameAttribute"/>'s.</summary>
    public string ColumnName { get; }

    /// <summary>Whether the property accepts null, so its column may be absent.</summary>
    public bool IsNullable { get; }

    /// <summary>Whether the property can be set (get-only properties are saved, not loaded).</summary>
    public bool CanLoad { get; }

    /// <summary>Writes the column.</summary>
    public ParquetColumnIO<TRow> Writer { get; }

    /// <summary>A new field (fields belong to one schema) to write the column.</summary>
    public DataField CreateField() => _field(ColumnName);

    /// <summary>The reader of a column of the file, or null when the column does not fit the property.</summary>
    public ParquetColumnIO<TRow>? ReaderFor(DataField field)
    {
        if (field.IsArray || field.MaxRepetitionLevel > 0) return null;
        foreach (var reader in _readers)
        {
            if (reader.Fits(field)) return reader;
        }
        return null;
    }

    /// <summary>The member as written in messages: <c>Int32 (Row.Property)</c>.</summary>
    public string Describe() => $"{DatasetErrors.TypeName(Property.PropertyType)} ({DatasetErrors.TypeName(typeof(TRow))}.{Property.Name})";

    /// <summary>A column's type as written in messages.</summary>
    public static string DescribeColumn(Field field) => field switch
    {
        DataField { IsArray: true } data => $"a list of {ClrName(data.ClrType)}",
        DataField data => (data.IsNullable ? "nullable " : "required ") + ClrName(data.ClrType) + (data is TimeDataField time ? $" (time of day, {time.Precision})" : ""),
        _ => $"a {field.SchemaType.ToString().ToLowerInvariant()} column",
    };

    private static string ClrName(Type type) =>
        type == typeof(ReadOnlyMemory<char>) ? "String" : type == typeof(ReadOnlyMemory<byte>) ? "Byte[]" : DatasetErrors.TypeName(type);
}

/// <summary>A property's column failed, or a row type cannot be mapped; the dataset adds its name and file.</summary>
internal sealed class ParquetColumnException(string message, Exception? inner = null) : Exception(message, inner);
