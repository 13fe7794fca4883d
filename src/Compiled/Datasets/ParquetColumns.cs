using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization.Attributes;

namespace Compiled.Datasets;

/// <summary>
/// How rows of <typeparamref name="TRow"/> map to the columns of a Parquet file, without Parquet.Net's
/// reflection-emitting serializer: each public property with a public getter, not marked
/// <see cref="JsonIgnoreAttribute"/> or <see cref="ParquetIgnoreAttribute"/>, is a column named after the
/// property (or its <see cref="JsonPropertyNameAttribute"/>), ordered by <see cref="JsonPropertyOrderAttribute"/>
/// then declaration. Each supported member type is an explicit case with a static element type, so the
/// columns are read and written through Parquet.Net's typed low-level API (trimming- and native-AOT-safe).
/// </summary>
internal sealed class ParquetShape<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow>
    where TRow : class
{
    private static ParquetShape<TRow>? s_instance;

    private ParquetShape()
    {
        var nullability = new NullabilityInfoContext();
        var members = new List<(ParquetMember<TRow> Member, int? Order)>();
        foreach (var property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0 || property.GetMethod is not { IsPublic: true }) continue;
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetCustomAttribute<ParquetIgnoreAttribute>() is not null) continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            members.Add((Build(property, name, IsNullable(property, nullability)), property.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order));
        }
        if (members.Count == 0)
            throw new ParquetColumnException($"{DatasetErrors.TypeName(typeof(TRow))} has no public properties to map to Parquet columns.");
        // As System.Text.Json: by [JsonPropertyOrder] (0 without one), then as declared.
        Members = members.Select((m, i) => (m.Member, m.Order, i)).OrderBy(m => m.Order ?? 0).ThenBy(m => m.i).Select(m => m.Member).ToArray();
        var duplicate = Members.GroupBy(m => m.ColumnName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ParquetColumnException($"{string.Join(" and ", duplicate.Select(m => $"{DatasetErrors.TypeName(typeof(TRow))}.{m.Property.Name}"))} " +
                $"would both be column '{duplicate.Key}'. Rename one with [JsonPropertyName(\"…\")] or ignore it with [JsonIgnore].");
    }

    /// <summary>The shape of <typeparamref name="TRow"/>.</summary>
    /// <exception cref="ParquetColumnException">A property has a type that cannot be a Parquet column.</exception>
    public static ParquetShape<TRow> Instance => s_instance ??= new ParquetShape<TRow>();

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<ParquetMember<TRow>> Members { get; }

    private static bool IsNullable(PropertyInfo property, NullabilityInfoContext context)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null) return true;
        if (property.PropertyType.IsValueType) return false;
        try
        {
            var info = context.Create(property);
            return info.ReadState == NullabilityState.Nullable || info.WriteState == NullabilityState.Nullable;
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException(
                $"Rows of {DatasetErrors.TypeName(typeof(TRow))} cannot be mapped: their nullability is unknown because this trimmed application " +
                "removed it. Add <NullabilityInfoContextSupport>true</NullabilityInfoContextSupport> to the application's project file.", exception);
        }
    }

    // One explicit case per supported type: each names its element type statically, so no generic
    // method is instantiated at run time.
    private static ParquetMember<TRow> Build(PropertyInfo property, string name, bool isNullable)
    {
        var underlying = Nullable.GetUnderlyingType(property.PropertyType);
        var type = underlying ?? property.PropertyType;
        var n = underlying is not null;
        ParquetMember<TRow> Plain<S>() where S : struct =>
            new(property, name, isNullable, StructIO<TRow, S>.Same(property, n), _ => new DataField(name, typeof(S), n));

        if (type == typeof(bool)) return Plain<bool>();
        if (type == typeof(byte)) return Plain<byte>();
        if (type == typeof(sbyte)) return Plain<sbyte>();
        if (type == typeof(short)) return Plain<short>();
        if (type == typeof(ushort)) return Plain<ushort>();
        if (type == typeof(int)) return Plain<int>();
        if (type == typeof(uint)) return Plain<uint>();
        if (type == typeof(long)) return Plain<long>();
        if (type == typeof(ulong)) return Plain<ulong>();
        if (type == typeof(float)) return Plain<float>();
        if (type == typeof(double)) return Plain<double>();
        if (type == typeof(Guid)) return Plain<Guid>();
        if (type == typeof(decimal))
        {
            var attribute = property.GetCustomAttribute<ParquetDecimalAttribute>();
            return new(property, name, isNullable, StructIO<TRow, decimal>.Same(property, n),
                _ => new DecimalDataField(name, attribute?.Precision ?? ParquetOptions.DefaultPrecision, attribute?.Scale ?? ParquetOptions.DefaultScale, isNullable: n));
        }
        if (type == typeof(DateTime))
        {
            return new(property, name, isNullable, StructIO<TRow, DateTime>.Same(property, n), _ => DateTimeField(property, name, n),
                StructIO<TRow, DateOnly>.Converted<DateTime>(property, n, static d => DateOnly.FromDateTime(d), static d => d.ToDateTime(TimeOnly.MinValue)));
        }
        if (type == typeof(DateTimeOffset))
        {
            return new(property, name, isNullable,
                StructIO<TRow, DateTime>.Converted<DateTimeOffset>(property, n, static o => o.UtcDateTime, ToOffset), _ => DateTimeField(property, name, n),
                StructIO<TRow, DateOnly>.Converted<DateTimeOffset>(property, n, static o => DateOnly.FromDateTime(o.UtcDateTime), static d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }
        if (type == typeof(DateOnly))
        {
            return new(property, name, isNullable, StructIO<TRow, DateOnly>.Same(property, n), _ => new DataField(name, typeof(DateOnly), n),
                StructIO<TRow, DateTime>.Converted<DateOnly>(property, n, static d => d.ToDateTime(TimeOnly.MinValue), DateOnly.FromDateTime));
        }
        if (type == typeof(TimeOnly))
        {
            // TIME(MICROS), as Parquet.Net's serializer writes TimeOnly; TIME(MILLIS) and TIME(NANOS) load too.
            return new(property, name, isNullable,
                StructIO<TRow, long>.Converted<TimeOnly>(property, n, static t => t.Ticks / 10, static us => new TimeOnly(us * 10),
                    static f => f is TimeDataField { Precision: TimeUnitPrecision.Micros }),
                _ => new TimeDataField(name, TimeUnitPrecision.Micros, n),
                StructIO<TRow, long>.Converted<TimeOnly>(property, n, static t => t.Ticks * 100, static ns => new TimeOnly(ns / 100),
                    static f => f is TimeDataField { Precision: TimeUnitPrecision.Nanos }),
                StructIO<TRow, int>.Converted<TimeOnly>(property, n, static t => (int)(t.Ticks / TimeSpan.TicksPerMillisecond), static ms => new TimeOnly(ms * TimeSpan.TicksPerMillisecond),
                    static f => f is TimeDataField { Precision: TimeUnitPrecision.Millis }));
        }
        if (type == typeof(string))
            return new(property, name, isNullable, ReferenceIO<TRow, string>.Same(property), _ => new DataField(name, typeof(string), true));
        if (type == typeof(byte[]))
            return new(property, name, isNullable, ReferenceIO<TRow, byte[]>.Same(property), _ => new DataField(name, typeof(byte[]), true));
        if (type.IsEnum)
        {
            // As the enum's underlying integer, as Parquet.Net's serializer writes enums; a text column (pandas) loads by name too.
            var text = ReferenceIO<TRow, string>.Enum(property, type);
            ParquetMember<TRow> EnumOf<S>() where S : struct =>
                new(property, name, isNullable, StructIO<TRow, S>.Boxed(property, n, type), _ => new DataField(name, typeof(S), n), text);
            var integer = type.GetEnumUnderlyingType();
            if (integer == typeof(int)) return EnumOf<int>();
            if (integer == typeof(byte)) return EnumOf<byte>();
            if (integer == typeof(sbyte)) return EnumOf<sbyte>();
            if (integer == typeof(short)) return EnumOf<short>();
            if (integer == typeof(ushort)) return EnumOf<ushort>();
            if (integer == typeof(uint)) return EnumOf<uint>();
            if (integer == typeof(long)) return EnumOf<long>();
            if (integer == typeof(ulong)) return EnumOf<ulong>();
        }
        throw new ParquetColumnException(
            $"{DatasetErrors.TypeName(typeof(TRow))}.{property.Name} is a {DatasetErrors.TypeName(property.PropertyType)}, which cannot be a Parquet column. " +
            "Supported: bool, byte, sbyte, short, ushort, int, uint, long, ulong, float, double, decimal, DateTime, DateTimeOffset, DateOnly, TimeOnly, " +
            "Guid, string, byte[] and enums, each also nullable. Change the property's type, or leave it out with [JsonIgnore].");
    }

    private static DateTimeDataField DateTimeField(PropertyInfo property, string name, bool nullable)
    {
        // As Parquet.Net's serializer: INT96 (Impala) timestamps unless [ParquetTimestamp] asks for another format.
        if (property.GetCustomAttribute<ParquetTimestampAttribute>() is not { } attribute)
            return new DateTimeDataField(name, DateTimeFormat.Impala, isAdjustedToUTC: true, unit: null, isNullable: nullable);
        var micros = attribute.Resolution == ParquetTimestampResolution.Microseconds;
        var format = attribute.UseLogicalTimestamp ? DateTimeFormat.Timestamp : micros ? DateTimeFormat.DateAndTimeMicros : DateTimeFormat.DateAndTime;
        return new DateTimeDataField(name, format, attribute.IsAdjustedToUTC, micros ? DateTimeTimeUnit.Micros : DateTimeTimeUnit.Millis, nullable);
    }

    private static DateTimeOffset ToOffset(DateTime value) => value.Kind == DateTimeKind.Local
        ? new DateTimeOffset(value).ToUniversalTime()
        : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>A property's column failed, or a row type cannot be mapped; the dataset adds its name and file.</summary>
internal sealed class ParquetColumnException(string message, Exception? inner = null) : Exception(message, inner);

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

/// <summary>Writes a column from rows, or reads one into rows, with a static element type.</summary>
internal abstract class ParquetColumnIO<TRow>
    where TRow : class
{
    protected ParquetColumnIO(PropertyInfo property) => Property = property;

    protected PropertyInfo Property { get; }

    /// <summary>Whether this reads <paramref name="field"/>.</summary>
    public abstract bool Fits(DataField field);

    /// <summary>Writes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> as the next column of <paramref name="group"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="field"/> of <paramref name="group"/> into rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken);

    protected ParquetColumnException GetterFailed(int row, Exception exception)
    {
        var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        return new ParquetColumnException(
            $"reading {DatasetErrors.TypeName(typeof(TRow))}.{Property.Name} of row {row + 1} threw {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)}", cause);
    }

    protected ParquetColumnException SetterFailed(int row, Exception exception)
    {
        var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        return new ParquetColumnException(
            $"setting {DatasetErrors.TypeName(typeof(TRow))}.{Property.Name} of row {row + 1} failed: {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)}", cause);
    }

    protected ParquetColumnException NullInRequired(DataField field, int row) =>
        new($"column '{field.Name}' does not fit {DatasetErrors.TypeName(Property.PropertyType)} ({DatasetErrors.TypeName(typeof(TRow))}.{Property.Name}): " +
            $"row {row + 1} is null. Make the property nullable ({DatasetErrors.TypeName(Property.PropertyType)}?) if the column may hold nulls.");

    // Typed accessors: an open delegate over the property's accessor; reflection if the runtime cannot bind one.
    protected static Func<TRow, T> Getter<T>(PropertyInfo property)
    {
        try
        {
            return property.GetMethod!.CreateDelegate<Func<TRow, T>>();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return row => (T)property.GetValue(row)!;
        }
    }

    protected static Action<TRow, T>? Setter<T>(PropertyInfo property)
    {
        if (property.SetMethod is not { IsPublic: true } setter) return null;
        try
        {
            return setter.CreateDelegate<Action<TRow, T>>();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return (row, value) => property.SetValue(row, value);
        }
    }
}

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
            var buffer = ArrayPool<S?>.Shared.Rent(count);
            try
            {
                try
                {
                    for (; i < count; i++) buffer[i] = _get(rows[start + i]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw GetterFailed(start + i, ex);
                }
                await group.WriteAsync<S>(field, new ReadOnlyMemory<S?>(buffer, 0, count), null, null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<S?>.Shared.Return(buffer);
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

    public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken)
    {
        var get = _get ?? throw new InvalidOperationException("This column is only read.");
        var buffer = ArrayPool<R?>.Shared.Rent(count);
        var i = 0;
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
            if (buffer is string?[] strings) await group.WriteAsync(field, new ArraySegment<string?>(strings, 0, count), null).ConfigureAwait(false);
            else await group.WriteAsync(field, new ArraySegment<byte[]?>((byte[]?[])(object)buffer, 0, count), null).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<R?>.Shared.Return(buffer, clearArray: true);
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
