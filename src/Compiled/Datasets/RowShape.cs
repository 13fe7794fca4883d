using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compiled.Datasets;

/// <summary>
/// How rows of <typeparamref name="TRow"/> map to the columns of a table (a spreadsheet, a SQL result):
/// each public property that can be set (or is a parameter of the constructor, for positional records)
/// is a column (and, for the datasets that write them, each read-only public property too), named in
/// snake_case (<c>CompanyRating</c> → <c>company_rating</c>) unless CsvHelper's <see cref="CsvHelper.CsvColumnAttribute"/>
/// (on the property, or on the constructor parameter of a positional record) or a <see cref="JsonPropertyNameAttribute"/>
/// names it; properties with <see cref="CsvHelper.CsvIgnoreAttribute"/> or <see cref="JsonIgnoreAttribute"/> are left
/// out. Columns match members by name ignoring case, <c>_</c> and spaces, as CSV headers do. Built once per row type, with reflection over the public members that the
/// <see cref="DynamicallyAccessedMembersAttribute"/> on <typeparamref name="TRow"/> keeps, so it is trimming- and
/// native-AOT-safe. Nullable reference types are told by <see cref="NullabilityInfoContext"/>, which trimmed
/// applications must keep (<c>&lt;NullabilityInfoContextSupport&gt;true&lt;/NullabilityInfoContextSupport&gt;</c>).
/// </summary>
internal sealed class RowShape<[DynamicallyAccessedMembers(RowMembers)] TRow>
{
    public const DynamicallyAccessedMemberTypes RowMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties;

    private static RowShape<TRow>? s_instance;

    private readonly ConstructorInvoker? _constructorInvoker;
    private readonly RowMember[] _constructorMembers;
    private readonly RowMember[] _setMembers;

    private RowShape()
    {
        var nullability = new NullabilityInfoContext();

        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && !p.PropertyType.IsByRefLike && !p.PropertyType.IsPointer
                && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetCustomAttribute<CsvHelper.CsvIgnoreAttribute>() is null)
            .ToArray();

        // A positional record: the public constructor with the most parameters, each named after a property.
        var constructor = typeof(TRow).GetConstructors()
            .Where(c => c.GetParameters().Length > 0 && c.GetParameters().All(p => properties.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase) && q.PropertyType == p.ParameterType)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null && !typeof(TRow).IsValueType && typeof(TRow).GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidOperationException($"{DatasetErrors.TypeName(typeof(TRow))} has neither a public parameterless constructor nor a constructor whose parameters are its properties; rows cannot be created.");

        var members = new List<RowMember>();
        var readable = new List<RowMember>();
        var byConstructor = new List<RowMember>();
        var bySetter = new List<RowMember>();
        var parameters = constructor?.GetParameters() ?? [];
        foreach (var property in properties)
        {
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var settable = property.SetMethod is { IsPublic: true };
            var name = ColumnName(property, parameter);
            var nullable = MemberNullability.AcceptsNull(property, nullability, typeof(TRow));
            var member = new RowMember(property, name, nullable, parameter?.Position ?? -1);
            readable.Add(member);
            if (parameter is null && !settable)
            {
                // Read-only (a computed property): written by the datasets that write every readable property, never filled.
                member.Index = -1;
                continue;
            }
            members.Add(member);
            if (parameter is not null) byConstructor.Add(member);
            else bySetter.Add(member);
        }
        if (members.Count == 0)
            throw new InvalidOperationException($"{DatasetErrors.TypeName(typeof(TRow))} has no public settable properties to map to columns.");

        for (var i = 0; i < members.Count; i++) members[i].Index = i;
        Members = members;
        ReadableMembers = readable;
        // The invokers cost a fraction of ConstructorInfo.Invoke and PropertyInfo.GetValue/SetValue per call.
        _constructorInvoker = constructor is null ? null : ConstructorInvoker.Create(constructor);
        _constructorMembers = byConstructor.OrderBy(m => m.ParameterPosition).ToArray();
        _setMembers = bySetter.ToArray();
    }

    // [CsvColumn("name")] on the property or its constructor parameter, then [JsonPropertyName], then snake_case.
    private static string ColumnName(PropertyInfo property, ParameterInfo? parameter)
    {
        var csvName = property.GetCustomAttribute<CsvHelper.CsvColumnAttribute>()?.Name ?? parameter?.GetCustomAttribute<CsvHelper.CsvColumnAttribute>()?.Name;
        if (!string.IsNullOrWhiteSpace(csvName)) return csvName;
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
    }

    /// <summary>The shape of <typeparamref name="TRow"/>.</summary>
    /// <exception cref="InvalidOperationException">The type cannot be created from columns.</exception>
    public static RowShape<TRow> Instance => s_instance ??= new RowShape<TRow>();

    /// <summary>The columns, in the order the properties are declared.</summary>
    public IReadOnlyList<RowMember> Members { get; }

    /// <summary>
    /// The columns a text file (CSV) writes, in the order the properties are declared: <see cref="Members"/> and
    /// the read-only properties among them (their <see cref="RowMember.Index"/> is -1: a load ignores their column).
    /// </summary>
    public IReadOnlyList<RowMember> ReadableMembers { get; }

    /// <summary>The member a column of name <paramref name="column"/> fills, or null.</summary>
    public RowMember? Find(string column)
    {
        var key = ColumnNames.Normalize(column);
        foreach (var member in Members)
        {
            if (member.Key == key) return member;
        }
        return null;
    }

    /// <summary>
    /// Matches table columns to members: the member index of each column (-1: the column fills
    /// nothing) and the members no column fills.
    /// </summary>
    public (int[] ColumnToMember, List<RowMember> Missing) Match(IReadOnlyList<string> columns)
    {
        var map = new int[columns.Count];
        var filled = new bool[Members.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            map[i] = -1;
            var key = ColumnNames.Normalize(columns[i]);
            for (var m = 0; m < Members.Count; m++)
            {
                if (filled[m] || Members[m].Key != key) continue;
                map[i] = m;
                filled[m] = true;
                break;
            }
        }
        var missing = new List<RowMember>();
        for (var m = 0; m < Members.Count; m++)
        {
            if (!filled[m]) missing.Add(Members[m]);
        }
        return (map, missing);
    }

    /// <summary>
    /// Whether rows are created empty and then filled through setters: a class with a public parameterless
    /// constructor (not a positional record, not a struct). Such rows can be filled member by member.
    /// </summary>
    public bool FillsEmptyRows => _constructorInvoker is null && !typeof(TRow).IsValueType;

    /// <summary>A new row from the public parameterless constructor, for <see cref="FillsEmptyRows"/> types.</summary>
    /// <exception cref="TargetInvocationException">The constructor threw (the inner exception).</exception>
    public TRow CreateEmpty() => Activator.CreateInstance<TRow>();

    /// <summary>Creates a row from one value per member (in <see cref="Members"/> order), each already of the member's type or null.</summary>
    /// <exception cref="TargetInvocationException">The constructor or a setter threw (the inner exception).</exception>
    public TRow Create(object?[] values)
    {
        object row;
        try
        {
            if (_constructorInvoker is not null)
            {
                var arguments = new object?[_constructorMembers.Length];
                for (var i = 0; i < arguments.Length; i++) arguments[i] = values[_constructorMembers[i].Index] ?? _constructorMembers[i].DefaultValue;
                row = _constructorInvoker.Invoke(arguments);
            }
            else
            {
                row = Activator.CreateInstance<TRow>()!;
            }
            foreach (var member in _setMembers)
            {
                var value = values[member.Index];
                if (value is not null || !member.Type.IsValueType || member.IsNullable) member.Set(row, value);
            }
        }
        catch (Exception ex) when (ex is not TargetInvocationException)
        {
            // The invokers do not wrap what the row type throws; callers expect it wrapped, as reflection's Invoke does.
            throw new TargetInvocationException(ex);
        }
        return (TRow)row;
    }
}

/// <summary>One column of a row type: a property, its column name and whether it may be null or absent.</summary>
internal sealed class RowMember
{
    public RowMember(PropertyInfo property, string columnName, bool isNullable, int parameterPosition)
    {
        Property = property;
        ColumnName = columnName;
        Key = ColumnNames.Normalize(columnName);
        IsNullable = isNullable;
        ParameterPosition = parameterPosition;
        Type = property.PropertyType;
        ValueType = Nullable.GetUnderlyingType(Type) ?? Type;
        DefaultValue = Type.IsValueType && Nullable.GetUnderlyingType(Type) is null ? DefaultOf(Type) : null;
    }

    /// <summary>The property.</summary>
    public PropertyInfo Property { get; }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Row types are preserved by the datasets' DynamicallyAccessedMembers annotations; a value type always has a default constructor.")]
    private static object? DefaultOf(Type type) => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);

    /// <summary>The member's position in <see cref="RowShape{TRow}.Members"/>; -1 for a read-only property, which no column fills.</summary>
    public int Index { get; internal set; }

    /// <summary>The column name written: snake_case, or the name of a <see cref="CsvHelper.CsvColumnAttribute"/> or <see cref="JsonPropertyNameAttribute"/>.</summary>
    public string ColumnName { get; }

    /// <summary>The matching key: the column name without <c>_</c> and spaces, lower case.</summary>
    public string Key { get; }

    /// <summary>Whether the member accepts null (a nullable value type, or a nullable reference type).</summary>
    public bool IsNullable { get; }

    /// <summary>The position of the constructor parameter that sets the member, or -1.</summary>
    public int ParameterPosition { get; }

    /// <summary>The property type.</summary>
    public Type Type { get; }

    /// <summary>The property type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; }

    /// <summary>The value of an absent non-nullable value type (for constructor arguments).</summary>
    public object? DefaultValue { get; }

    /// <summary>The member as written in messages: <c>Row.Property</c>.</summary>
    public string Describe(Type rowType) => $"{DatasetErrors.TypeName(Type)} ({DatasetErrors.TypeName(rowType)}.{Property.Name})";

    /// <summary>Reads the member of <paramref name="row"/>.</summary>
    /// <exception cref="TargetInvocationException">The getter threw (the inner exception).</exception>
    public object? Get(object row)
    {
        var getter = _getter ??= MethodInvoker.Create(Property.GetMethod!);
        try
        {
            return getter.Invoke(row);
        }
        catch (Exception ex)
        {
            throw new TargetInvocationException(ex);
        }
    }

    /// <summary>Sets the member of <paramref name="row"/> (a public setter; a boxed struct is changed in its box).</summary>
    /// <exception cref="TargetInvocationException">The setter threw (the inner exception).</exception>
    public void Set(object row, object? value)
    {
        var setter = _setter ??= MethodInvoker.Create(Property.SetMethod!);
        try
        {
            setter.Invoke(row, value);
        }
        catch (Exception ex)
        {
            throw new TargetInvocationException(ex);
        }
    }

    private MethodInvoker? _getter;
    private MethodInvoker? _setter;
}

/// <summary>Converts values read from a table (cells, SQL columns) to the type of a row member.</summary>
internal static class CellConverter
{
    /// <summary>
    /// Converts <paramref name="value"/> to <paramref name="target"/> (a non-nullable type); strings
    /// are parsed with the invariant culture, numbers convert with overflow checks, a number becomes
    /// a date as an OLE Automation date (as spreadsheets store dates).
    /// </summary>
    /// <exception cref="FormatException">The value cannot be converted.</exception>
    /// <exception cref="OverflowException">The number does not fit.</exception>
    /// <exception cref="InvalidCastException">The value cannot be converted.</exception>
    public static object Convert(object value, Type target) => Convert(value, target, CultureInfo.InvariantCulture);

    /// <summary>
    /// Converts <paramref name="value"/> to <paramref name="target"/> (a non-nullable type) as
    /// <see cref="Convert(object, Type)"/> does, parsing and formatting numbers and dates with <paramref name="culture"/>.
    /// </summary>
    /// <exception cref="FormatException">The value cannot be converted.</exception>
    /// <exception cref="OverflowException">The number does not fit.</exception>
    /// <exception cref="InvalidCastException">The value cannot be converted.</exception>
    public static object Convert(object value, Type target, CultureInfo culture)
    {
        if (target.IsInstanceOfType(value)) return value;
        if (target == typeof(string)) return value is IFormattable f ? f.ToString(null, culture) : value.ToString() ?? "";
        if (value is string text)
        {
            if (target == typeof(bool)) return ParseBoolean(text);
            if (target == typeof(DateTime)) return DateTime.Parse(text, culture, DateTimeStyles.RoundtripKind);
            if (target == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, culture, DateTimeStyles.RoundtripKind);
            if (target == typeof(DateOnly)) return DateOnly.FromDateTime(DateTime.Parse(text, culture, DateTimeStyles.RoundtripKind));
            // Times as Format writes them (invariant, "O" and "c") first, then as the culture writes them.
            if (target == typeof(TimeOnly)) return TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time : TimeOnly.Parse(text, culture);
            if (target == typeof(TimeSpan)) return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.Parse(text, culture);
            if (target == typeof(Guid)) return Guid.Parse(text);
            if (target.IsEnum) return Enum.Parse(target, text, ignoreCase: true);
            if (target == typeof(byte[])) return System.Convert.FromBase64String(text);
            return System.Convert.ChangeType(text, target, culture);
        }
        if (target == typeof(bool)) return System.Convert.ToDouble(value, culture) != 0;
        if (target == typeof(DateTime)) return value is DateTimeOffset o ? o.UtcDateTime : DateTime.FromOADate(System.Convert.ToDouble(value, culture));
        if (target == typeof(DateTimeOffset)) return value is DateTime d ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.FromOADate(System.Convert.ToDouble(value, culture)), TimeSpan.Zero);
        if (target == typeof(DateOnly)) return DateOnly.FromDateTime(value is DateTime dt ? dt : DateTime.FromOADate(System.Convert.ToDouble(value, culture)));
        if (target == typeof(TimeOnly)) return TimeOnly.FromDateTime(value is DateTime t ? t : DateTime.FromOADate(System.Convert.ToDouble(value, culture)));
        if (target == typeof(Guid) && value is byte[] { Length: 16 } bytes) return new Guid(bytes);
        if (target.IsEnum) return Enum.ToObject(target, System.Convert.ToInt64(value, culture));
        if (IsInteger(target) && value is double or float or decimal)
        {
            // 3.0 is the integer 3; 3.5 is not an integer.
            var number = System.Convert.ToDecimal(value, culture);
            if (number != decimal.Truncate(number)) throw new FormatException($"{number.ToString(culture)} is not a whole number.");
        }
        return System.Convert.ChangeType(value, target, culture);
    }

    /// <summary>
    /// The text of <paramref name="value"/> in a text file (CSV), which <see cref="Convert(object, Type, CultureInfo)"/>
    /// reads back: null as <c>""</c>; numbers with <paramref name="culture"/> (doubles as the shortest text that
    /// round-trips); booleans as <c>True</c>/<c>False</c>; dates and times in ISO 8601 round-trip form
    /// (<c>2024-05-01T13:45:00.0000000Z</c>, dates alone as <c>2024-05-01</c>); <see cref="TimeSpan"/> as
    /// <c>[-][d.]hh:mm:ss[.fffffff]</c>; enums by name; <c>byte[]</c> as base64.
    /// </summary>
    public static string Format(object? value, CultureInfo culture) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "True" : "False",
        DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D", CultureInfo.InvariantCulture),
        Enum member => member.ToString(),
        byte[] bytes => System.Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Reads true/false, t/f, yes/no, y/n and 1/0, ignoring case (pandas and Kedro data use several).</summary>
    public static bool ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "t" or "yes" or "y" or "1" => true,
        "false" or "f" or "no" or "n" or "0" => false,
        _ => throw new FormatException($"'{text}' is not a boolean (true/false, t/f, yes/no, 1/0)."),
    };

    private static bool IsInteger(Type type) => Type.GetTypeCode(type) is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
        or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64;
}

/// <summary>Whether a row member accepts null, as the tabular datasets decide it.</summary>
internal static class MemberNullability
{
    /// <summary>
    /// A nullable value type, or a reference type declared nullable (<c>string?</c>), read with
    /// <paramref name="context"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A trimmed application removed the nullability metadata; the message says how to keep it.</exception>
    public static bool AcceptsNull(PropertyInfo property, NullabilityInfoContext context, Type rowType)
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
                $"Rows of {DatasetErrors.TypeName(rowType)} cannot be mapped: their nullability is unknown because this trimmed application " +
                "removed it. Add <NullabilityInfoContextSupport>true</NullabilityInfoContextSupport> to the application's project file.", exception);
        }
    }
}

/// <summary>Column-name matching shared by the tabular datasets.</summary>
internal static class ColumnNames
{
    /// <summary>The matching key of a column or member name: without '_' and spaces, lower case.</summary>
    public static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '_' or ' ') continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
