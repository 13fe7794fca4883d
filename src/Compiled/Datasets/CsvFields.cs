using System.Globalization;
using System.Reflection;
using CsvHelper;

namespace Compiled.Datasets;

/// <summary>
/// One member of a class row type read from and written to a CSV field with its static type: an open
/// delegate over the property's accessor and CsvHelper's typed <c>Parse&lt;T&gt;</c> / <c>WriteField&lt;T&gt;</c>,
/// so a number never goes through <see cref="object"/>. Built for strings and the numeric types; every
/// other member type, and rows created through a constructor (positional records), use the general path
/// of <see cref="CsvDataset{TRow}"/>, which has the same results.
/// </summary>
/// <typeparam name="TRow">The row type; only a class binds (a struct's accessors take it by reference).</typeparam>
internal abstract class CsvField<TRow>
{
    protected CsvField(RowMember member) => Member = member;

    /// <summary>The member.</summary>
    public RowMember Member { get; }

    /// <summary>Parses field <paramref name="column"/> of the current record and sets the member of <paramref name="row"/>.</summary>
    /// <exception cref="FormatException">The field is not a value of the member's type.</exception>
    /// <exception cref="OverflowException">The number does not fit.</exception>
    /// <exception cref="TargetInvocationException">The setter threw (the inner exception).</exception>
    public abstract void Read(CsvReader csv, int column, CultureInfo culture, TRow row);

    /// <summary>Sets the member of <paramref name="row"/> to null (its column is absent or the field is empty).</summary>
    /// <exception cref="TargetInvocationException">The setter threw (the inner exception).</exception>
    public abstract void SetNull(TRow row);

    /// <summary>Writes the member of <paramref name="row"/> as the next field; null as an empty field.</summary>
    /// <exception cref="TargetInvocationException">The getter threw (the inner exception).</exception>
    public abstract void Write(CsvWriter csv, TRow row, CultureInfo culture);

    /// <summary>Whether the accessors bound as delegates (they do for a public property of a class).</summary>
    protected abstract bool IsBound { get; }

    /// <summary>The typed field of <paramref name="member"/>, or null when the general path must handle it.</summary>
    public static CsvField<TRow>? For(RowMember member)
    {
        if (typeof(TRow).IsValueType || member.Property.GetMethod is not { IsPublic: true, IsStatic: false }) return null;
        var field = Create(member);
        return field is { IsBound: true } ? field : null;
    }

    private static CsvField<TRow>? Create(RowMember member)
    {
        var nullableValue = Nullable.GetUnderlyingType(member.Type) is not null;
        var type = member.ValueType;
        if (type == typeof(string)) return new StringField(member);
        if (type == typeof(int)) return Number<int>(member, nullableValue);
        if (type == typeof(long)) return Number<long>(member, nullableValue);
        if (type == typeof(double)) return Number<double>(member, nullableValue);
        if (type == typeof(decimal)) return Number<decimal>(member, nullableValue);
        if (type == typeof(float)) return Number<float>(member, nullableValue);
        if (type == typeof(short)) return Number<short>(member, nullableValue);
        if (type == typeof(byte)) return Number<byte>(member, nullableValue);
        return null;
    }

    private static CsvField<TRow> Number<T>(RowMember member, bool nullable)
        where T : struct, ISpanParsable<T>, IUtf8SpanFormattable =>
        nullable ? new NullableNumberField<T>(member) : new NumberField<T>(member);

    private static TDelegate? Accessor<TDelegate>(MethodInfo? method)
        where TDelegate : Delegate
    {
        if (method is not { IsPublic: true }) return null;
        try
        {
            return method.CreateDelegate<TDelegate>();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A field whose member is read and written as <typeparamref name="TValue"/> through open delegates.</summary>
    private abstract class TypedField<TValue>(RowMember member) : CsvField<TRow>(member)
    {
        private readonly Func<TRow, TValue>? _get = Accessor<Func<TRow, TValue>>(member.Property.GetMethod);
        private readonly Action<TRow, TValue>? _set = Accessor<Action<TRow, TValue>>(member.Property.SetMethod);

        protected override bool IsBound => _get is not null && (_set is not null || Member.Property.SetMethod is not { IsPublic: true });

        // What the property's accessors throw is wrapped, as reflection wraps it: the dataset tells it from a parse error.
        protected TValue Get(TRow row)
        {
            try
            {
                return _get!(row);
            }
            catch (Exception ex)
            {
                throw new TargetInvocationException(ex);
            }
        }

        protected void Set(TRow row, TValue value)
        {
            try
            {
                _set!(row, value);
            }
            catch (Exception ex)
            {
                throw new TargetInvocationException(ex);
            }
        }
    }

    private sealed class StringField(RowMember member) : TypedField<string?>(member)
    {
        public override void Read(CsvReader csv, int column, CultureInfo culture, TRow row) => Set(row, csv.GetString(column));

        public override void SetNull(TRow row) => Set(row, null);

        public override void Write(CsvWriter csv, TRow row, CultureInfo culture) => csv.WriteField(Get(row) ?? "");
    }

    private sealed class NumberField<T>(RowMember member) : TypedField<T>(member)
        where T : struct, ISpanParsable<T>, IUtf8SpanFormattable
    {
        public override void Read(CsvReader csv, int column, CultureInfo culture, TRow row) => Set(row, csv.Parse<T>(column, culture));

        // A non-nullable number has no null: an absent column leaves it at its default, an empty field is an error.
        public override void SetNull(TRow row)
        {
        }

        public override void Write(CsvWriter csv, TRow row, CultureInfo culture) => csv.WriteField(Get(row), default, culture);
    }

    private sealed class NullableNumberField<T>(RowMember member) : TypedField<T?>(member)
        where T : struct, ISpanParsable<T>, IUtf8SpanFormattable
    {
        public override void Read(CsvReader csv, int column, CultureInfo culture, TRow row) => Set(row, csv.Parse<T>(column, culture));

        public override void SetNull(TRow row) => Set(row, null);

        public override void Write(CsvWriter csv, TRow row, CultureInfo culture)
        {
            if (Get(row) is { } number) csv.WriteField(number, default, culture);
            else csv.WriteField("");
        }
    }
}
