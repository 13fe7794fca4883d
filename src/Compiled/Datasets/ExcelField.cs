using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Compiled.Datasets;

/// <summary>
/// One member of a class row type filled from an xlsx cell with its static type: the converted value of the current row is
/// held as the member's type and set through an open delegate over the property's setter, so a number never goes through
/// <see cref="object"/> or reflection. A number converts straight into a <c>double</c>, an <c>int</c> or a <c>long</c> (a whole
/// number in range), text into a <c>string</c>, a boolean into a <c>bool</c>; every other case is converted by the general
/// path (<see cref="CellConverter"/>, the same errors) and handed over boxed. Built for the member types listed in
/// <see cref="For"/>; a row type with another member, or one created through a constructor, uses the general path only.
/// </summary>
/// <typeparam name="TRow">The row type; only a class binds (a struct's setters take it by reference).</typeparam>
internal abstract class ExcelField<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow>
{
    /// <summary>Forgets the value of the previous row.</summary>
    public abstract void Reset();

    /// <summary>Whether a value (not null) was taken since <see cref="Reset"/>.</summary>
    public abstract bool HasValue { get; }

    /// <summary>Takes the cell's value when it converts without the general path; false when it must go through it.</summary>
    public abstract bool TryTake(in ExcelCellValue cell);

    /// <summary>Takes a value converted by the general path: null, or a value of the member's type, boxed.</summary>
    public abstract void TakeConverted(object? value);

    /// <summary>Sets the member of <paramref name="row"/> to the value taken (null or the default when none was).</summary>
    /// <exception cref="TargetInvocationException">The setter threw (the inner exception).</exception>
    public abstract void Apply(TRow row);

    /// <summary>The field of each member of <paramref name="shape"/>, or null when the row type must use the general path.</summary>
    public static ExcelField<TRow>[]? For(RowShape<TRow> shape)
    {
        if (typeof(TRow).IsValueType || !shape.FillsEmptyRows) return null;
        var fields = new ExcelField<TRow>[shape.Members.Count];
        foreach (var member in shape.Members)
        {
            if (Create(member) is not { } field) return null;
            fields[member.Index] = field;
        }
        return fields;
    }

    private static ExcelField<TRow>? Create(RowMember member)
    {
        var type = member.Type;
        if (type == typeof(string)) return Bind<string?>(member, static (in ExcelCellValue c, out string? v) => (v = c.Text) is not null);
        if (type == typeof(double)) return Bind<double>(member, static (in ExcelCellValue c, out double v) => TryNumber(c, out v));
        if (type == typeof(double?)) return Bind<double?>(member, static (in ExcelCellValue c, out double? v) => (v = TryNumber(c, out var n) ? n : null) is not null);
        if (type == typeof(int)) return Bind<int>(member, static (in ExcelCellValue c, out int v) => TryInt32(c, out v));
        if (type == typeof(int?)) return Bind<int?>(member, static (in ExcelCellValue c, out int? v) => (v = TryInt32(c, out var n) ? n : null) is not null);
        if (type == typeof(long)) return Bind<long>(member, static (in ExcelCellValue c, out long v) => TryInt64(c, out v));
        if (type == typeof(long?)) return Bind<long?>(member, static (in ExcelCellValue c, out long? v) => (v = TryInt64(c, out var n) ? n : null) is not null);
        if (type == typeof(bool)) return Bind<bool>(member, static (in ExcelCellValue c, out bool v) => TryBoolean(c, out v));
        if (type == typeof(bool?)) return Bind<bool?>(member, static (in ExcelCellValue c, out bool? v) => (v = TryBoolean(c, out var b) ? b : null) is not null);
        if (type == typeof(DateTime)) return Bind<DateTime>(member, static (in ExcelCellValue c, out DateTime v) => TryDate(c, out v));
        if (type == typeof(DateTime?)) return Bind<DateTime?>(member, static (in ExcelCellValue c, out DateTime? v) => (v = TryDate(c, out var d) ? d : null) is not null);
        return null;
    }

    private static bool TryNumber(in ExcelCellValue cell, out double value)
    {
        value = cell.Number;
        return cell.Kind == ExcelCellKind.Number;
    }

    // A whole number in range is that integer, as CellConverter makes it; anything else (3.5, 1e20) goes through CellConverter for its error.
    private static bool TryInt32(in ExcelCellValue cell, out int value)
    {
        var number = cell.Number;
        var whole = cell.Kind == ExcelCellKind.Number && number == Math.Truncate(number) && number is >= int.MinValue and <= int.MaxValue;
        value = whole ? (int)number : 0;
        return whole;
    }

    private static bool TryInt64(in ExcelCellValue cell, out long value)
    {
        var number = cell.Number;
        // 2^63 is the first double above long.MaxValue; below it every whole double converts exactly.
        var whole = cell.Kind == ExcelCellKind.Number && number == Math.Truncate(number) && number >= long.MinValue && number < 9_223_372_036_854_775_808d;
        value = whole ? (long)number : 0;
        return whole;
    }

    private static bool TryBoolean(in ExcelCellValue cell, out bool value)
    {
        value = cell.Flag;
        return cell.Kind == ExcelCellKind.Boolean;
    }

    private static bool TryDate(in ExcelCellValue cell, out DateTime value)
    {
        value = cell.Date;
        return cell.Kind == ExcelCellKind.Date;
    }

    private delegate bool Conversion<TValue>(in ExcelCellValue cell, out TValue value);

    private static Field<TValue>? Bind<TValue>(RowMember member, Conversion<TValue> convert)
    {
        if (member.Property.SetMethod is not { IsPublic: true, IsStatic: false } setter) return null;
        try
        {
            return new Field<TValue>(setter.CreateDelegate<Action<TRow, TValue>>(), convert);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed class Field<TValue>(Action<TRow, TValue> set, Conversion<TValue> convert) : ExcelField<TRow>
    {
        private TValue _value = default!;
        private bool _hasValue;

        public override bool HasValue => _hasValue;

        public override void Reset()
        {
            _value = default!;
            _hasValue = false;
        }

        public override bool TryTake(in ExcelCellValue cell)
        {
            if (!convert(cell, out var value)) return false;
            _value = value;
            _hasValue = true;
            return true;
        }

        public override void TakeConverted(object? value)
        {
            _value = value is null ? default! : (TValue)value;
            _hasValue = value is not null;
        }

        // What the property's setter throws is wrapped, as reflection wraps it: the dataset tells it from a conversion error.
        public override void Apply(TRow row)
        {
            try
            {
                set(row, _value);
            }
            catch (Exception ex)
            {
                throw new TargetInvocationException(ex);
            }
        }
    }
}
