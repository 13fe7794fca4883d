using System.Buffers;
using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Compiled.Datasets;

/// <summary>A column of value type <typeparamref name="S"/> (as Parquet.Net reads and writes it), the property's type or converted from it.</summary>
internal sealed class StructIO<TRow, S> : ParquetColumnIO<TRow>
    where TRow : class
    where S : struct
{
    private readonly Func<TRow, S?> _get;
    private readonly Func<TRow, S>? _getValue;
    private readonly Action<TRow, S?>? _setNullable;
    private readonly Action<TRow, S>? _setValue;
    private readonly Func<DataField, bool>? _fits;

    private StructIO(PropertyInfo property, Func<TRow, S?> get, Func<TRow, S>? getValue, Action<TRow, S?>? setNullable, Action<TRow, S>? setValue, Func<DataField, bool>? fits)
        : base(property)
    {
        _get = get;
        _getValue = getValue;
        _setNullable = setNullable;
        _setValue = setValue;
        _fits = fits;
    }

    /// <summary>A property of type <typeparamref name="S"/> (or <typeparamref name="S"/>? when <paramref name="nullable"/>).</summary>
    public static StructIO<TRow, S> Same(PropertyInfo property, bool nullable)
    {
        if (nullable) return new(property, Getter<S?>(property), null, Setter<S?>(property), null, null);
        var get = Getter<S>(property);
        return new(property, row => get(row), get, null, Setter<S>(property), null);
    }

    /// <summary>A property of type <typeparamref name="M"/> (or <typeparamref name="M"/>?) stored as <typeparamref name="S"/>.</summary>
    public static StructIO<TRow, S> Converted<M>(PropertyInfo property, bool nullable, Func<M, S> store, Func<S, M> load, Func<DataField, bool>? fits = null)
        where M : struct
    {
        if (nullable)
        {
            var getNullable = Getter<M?>(property);
            var setNullable = Setter<M?>(property);
            return new(property, row => getNullable(row) is { } value ? store(value) : null, null,
                setNullable is null ? null : (row, value) => setNullable(row, value is { } v ? load(v) : null), null, fits);
        }
        var get = Getter<M>(property);
        var set = Setter<M>(property);
        return new(property, row => store(get(row)), row => store(get(row)), null, set is null ? null : (row, value) => set(row, load(value)), fits);
    }

    /// <summary>An enum property (<paramref name="enumType"/>, or its nullable) stored as its underlying integer <typeparamref name="S"/>.</summary>
    public static StructIO<TRow, S> Boxed(PropertyInfo property, bool nullable, Type enumType)
    {
        // A boxed enum unboxes as its underlying type; Enum.ToObject makes the enum back.
        Func<TRow, S?> get = row => property.GetValue(row) is { } value ? (S)value : null;
        var settable = property.SetMethod is { IsPublic: true };
        if (nullable)
            return new(property, get, null, settable ? (row, value) => property.SetValue(row, value is { } v ? Enum.ToObject(enumType, v) : null) : null, null, null);
        return new(property, get, row => (S)property.GetValue(row)!, null, settable ? (row, value) => property.SetValue(row, Enum.ToObject(enumType, value)) : null, null);
    }

    public override bool Fits(DataField field) => field.ClrType == typeof(S) && (_fits?.Invoke(field) ?? true);

    public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken)
    {
        var i = 0;
        if (field.IsNullable)
        {
            // The values present and a definition level per row, as Parquet.Net would split an S?[] itself: buffers of
            // the pools every column shares (S, int) instead of an S?[] and Parquet.Net's two copies of it.
            var values = ArrayPool<S>.Shared.Rent(count);
            var levels = ArrayPool<int>.Shared.Rent(count);
            try
            {
                int present = 0, defined = field.MaxDefinitionLevel, missing = defined - 1;
                try
                {
                    for (; i < count; i++)
                    {
                        if (_get(rows[start + i]) is { } value)
                        {
                            values[present++] = value;
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
                await group.WriteAllPartsAsync(field, new ReadOnlyMemory<S>(values, 0, present), new ReadOnlyMemory<int>(levels, 0, count), null, cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(levels);
                ArrayPool<S>.Shared.Return(values);
            }
        }
        else
        {
            var get = _getValue!;
            var buffer = ArrayPool<S>.Shared.Rent(count);
            try
            {
                try
                {
                    for (; i < count; i++) buffer[i] = get(rows[start + i]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw GetterFailed(start + i, ex);
                }
                await group.WriteAsync<S>(field, new ReadOnlyMemory<S>(buffer, 0, count), null, null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<S>.Shared.Return(buffer);
            }
        }
    }

    public override async ValueTask ReadAsync(ParquetRowGroupReader group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken)
    {
        var i = 0;
        if (field.IsNullable)
        {
            var buffer = ArrayPool<S?>.Shared.Rent(count);
            try
            {
                await group.ReadAsync<S>(field, new Memory<S?>(buffer, 0, count), null, cancellationToken).ConfigureAwait(false);
                try
                {
                    if (_setNullable is { } setNullable)
                    {
                        for (; i < count; i++) setNullable(rows[start + i], buffer[i]);
                    }
                    else
                    {
                        var set = _setValue!;
                        for (; i < count; i++)
                        {
                            if (buffer[i] is not { } value) throw NullInRequired(field, start + i);
                            set(rows[start + i], value);
                        }
                    }
                }
                catch (Exception ex) when (ex is not ParquetColumnException)
                {
                    throw SetterFailed(start + i, ex);
                }
            }
            finally
            {
                ArrayPool<S?>.Shared.Return(buffer);
            }
        }
        else
        {
            var buffer = ArrayPool<S>.Shared.Rent(count);
            try
            {
                await group.ReadAsync<S>(field, new Memory<S>(buffer, 0, count), null, cancellationToken).ConfigureAwait(false);
                try
                {
                    if (_setValue is { } set)
                    {
                        for (; i < count; i++) set(rows[start + i], buffer[i]);
                    }
                    else
                    {
                        var setNullable = _setNullable!;
                        for (; i < count; i++) setNullable(rows[start + i], buffer[i]);
                    }
                }
                catch (Exception ex)
                {
                    throw SetterFailed(start + i, ex);
                }
            }
            finally
            {
                ArrayPool<S>.Shared.Return(buffer);
            }
        }
    }
}
