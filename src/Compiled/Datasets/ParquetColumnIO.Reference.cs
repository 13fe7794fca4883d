using System.Buffers;
using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Compiled.Datasets;

/// <summary>A column of strings or byte arrays (<typeparamref name="R"/>), the property's type or converted from it.</summary>
internal sealed class ReferenceIO<TRow, R> : ParquetColumnIO<TRow>
    where TRow : class
    where R : class
{
    private readonly Func<TRow, R?>? _get;
    private readonly Action<TRow, R?>? _set;

    private ReferenceIO(PropertyInfo property, Func<TRow, R?>? get, Action<TRow, R?>? set)
        : base(property)
    {
        _get = get;
        _set = set;
    }

    /// <summary>A property of type <typeparamref name="R"/>.</summary>
    public static ReferenceIO<TRow, R> Same(PropertyInfo property) => new(property, Getter<R?>(property), Setter<R?>(property));

    /// <summary>Loads an enum property from a text column, by name ignoring case (never used to save).</summary>
    public static ReferenceIO<TRow, string> Enum(PropertyInfo property, Type enumType)
    {
        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null;
        Action<TRow, string?>? set = property.SetMethod is { IsPublic: true }
            ? (row, text) =>
            {
                if (text is null && !nullable) throw new FormatException("a null is not a value of " + enumType.Name + ".");
                property.SetValue(row, text is null ? null : System.Enum.Parse(enumType, text, ignoreCase: true));
            }
            : null;
        return new(property, null, set);
    }

    public override bool Fits(DataField field) => typeof(R) == typeof(string)
        ? field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>)
        : field.ClrType == typeof(byte[]) || field.ClrType == typeof(ReadOnlyMemory<byte>);

    public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken)
    {
        var get = _get ?? throw new InvalidOperationException("This column is only read.");
        return typeof(R) == typeof(string)
            ? WriteParts<string, char>(group, field, rows, start, count, (Func<TRow, string?>)(object)get, static s => s.AsMemory(), cancellationToken)
            : WriteParts<byte[], byte>(group, field, rows, start, count, (Func<TRow, byte[]?>)(object)get, static b => new ReadOnlyMemory<byte>(b), cancellationToken);
    }

    // The values present (as Parquet.Net encodes them) and a definition level per row (the column is optional): what
    // Parquet.Net's string and byte array overloads make of the values, without their two intermediate copies.
    private async Task WriteParts<V, M>(ParquetRowGroupWriter group, DataField field, TRow[] rows, int start, int count, Func<TRow, V?> get, Func<V, ReadOnlyMemory<M>> memory,
        CancellationToken cancellationToken)
        where V : class
    {
        var values = ArrayPool<ReadOnlyMemory<M>>.Shared.Rent(count);
        var levels = ArrayPool<int>.Shared.Rent(count);
        var present = 0;
        var i = 0;
        try
        {
            int defined = field.MaxDefinitionLevel, missing = defined - 1;
            try
            {
                for (; i < count; i++)
                {
                    if (get(rows[start + i]) is { } value)
                    {
                        values[present++] = memory(value);
                        levels[i] = defined;
                    }
                    else
                    {
                        levels[i] = missing;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw GetterFailed(start + i, ex);
            }
            await group.WriteAllPartsAsync(field, new ReadOnlyMemory<ReadOnlyMemory<M>>(values, 0, present), new ReadOnlyMemory<int>(levels, 0, count), null, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
            ArrayPool<ReadOnlyMemory<M>>.Shared.Return(values, clearArray: true);
        }
    }

    public override async ValueTask ReadAsync(ParquetRowGroupReader group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken)
    {
        var set = _set!;
        var buffer = ArrayPool<R?>.Shared.Rent(count);
        var i = 0;
        try
        {
            if (buffer is string?[] strings) await group.ReadAsync(field, new Memory<string?>(strings, 0, count), null, cancellationToken).ConfigureAwait(false);
            else await group.ReadAsync(field, new Memory<byte[]?>((byte[]?[])(object)buffer, 0, count), null, cancellationToken).ConfigureAwait(false);
            try
            {
                for (; i < count; i++) set(rows[start + i], buffer[i]);
            }
            catch (Exception ex)
            {
                throw SetterFailed(start + i, ex);
            }
        }
        finally
        {
            ArrayPool<R?>.Shared.Return(buffer, clearArray: true);
        }
    }
}
