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
        // As System.Text.Json: by [JsonPropertyOrder] (0 without one), then as declared: each member inserted after those
        // of a lower or equal order. (LINQ over (member, order, index) tuples cost a cold ReadyToRun run ~75 JIT-compiled
        // methods: instantiations over a tuple of a row class that crossgen does not precompile.)
        var members = new List<ParquetMember<TRow>>();
        var orders = new List<int>();
        foreach (var property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0 || property.GetMethod is not { IsPublic: true }) continue;
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetCustomAttribute<ParquetIgnoreAttribute>() is not null) continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            var member = Build(property, name, MemberNullability.AcceptsNull(property, nullability, typeof(TRow)));
            var order = property.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0;
            var at = orders.Count;
            while (at > 0 && orders[at - 1] > order) at--;
            members.Insert(at, member);
            orders.Insert(at, order);
        }
        if (members.Count == 0)
            throw new ParquetColumnException($"{DatasetErrors.TypeName(typeof(TRow))} has no public properties to map to Parquet columns.");
        Members = [.. members];
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
