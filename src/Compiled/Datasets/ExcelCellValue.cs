namespace Compiled.Datasets;

/// <summary>What an xlsx cell holds, once its type is read.</summary>
internal enum ExcelCellKind
{
    /// <summary>No value (an empty or absent cell).</summary>
    None,

    /// <summary>Text: a shared, inline or formula string.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A date written as ISO text (<c>t="d"</c>).</summary>
    Date,
}

/// <summary>
/// The value of one xlsx cell before it is converted to a member's type, without boxing: the row binding converts the common
/// cases (a number into a <c>double</c> or an <c>int</c>, text into a <c>string</c>) straight from here, and every other
/// case through <see cref="Box"/> and <see cref="CellConverter"/>.
/// </summary>
internal readonly struct ExcelCellValue
{
    private ExcelCellValue(ExcelCellKind kind, string? text, double number, bool flag, DateTime date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Flag = flag;
        Date = date;
    }

    /// <summary>What the cell holds.</summary>
    public ExcelCellKind Kind { get; }

    /// <summary>The text of a <see cref="ExcelCellKind.Text"/> cell.</summary>
    public string? Text { get; }

    /// <summary>The number of a <see cref="ExcelCellKind.Number"/> cell.</summary>
    public double Number { get; }

    /// <summary>The value of a <see cref="ExcelCellKind.Boolean"/> cell.</summary>
    public bool Flag { get; }

    /// <summary>The date of a <see cref="ExcelCellKind.Date"/> cell.</summary>
    public DateTime Date { get; }

    /// <summary>No value.</summary>
    public static ExcelCellValue None => default;

    /// <summary>A text cell.</summary>
    public static ExcelCellValue FromText(string text) => new(ExcelCellKind.Text, text, 0, false, default);

    /// <summary>A number cell.</summary>
    public static ExcelCellValue FromNumber(double number) => new(ExcelCellKind.Number, null, number, false, default);

    /// <summary>A boolean cell.</summary>
    public static ExcelCellValue FromBoolean(bool flag) => new(ExcelCellKind.Boolean, null, 0, flag, default);

    /// <summary>A date cell.</summary>
    public static ExcelCellValue FromDate(DateTime date) => new(ExcelCellKind.Date, null, 0, false, date);

    /// <summary>Whether the cell has no value or empty text (a row of such cells is skipped).</summary>
    public bool IsBlank => Kind == ExcelCellKind.None || (Kind == ExcelCellKind.Text && Text!.Length == 0);

    /// <summary>The value as an object: null, a <see cref="string"/>, a <see cref="double"/>, a <see cref="bool"/> or a <see cref="DateTime"/>.</summary>
    public object? Box() => Kind switch
    {
        ExcelCellKind.Text => Text,
        ExcelCellKind.Number => Number,
        ExcelCellKind.Boolean => Flag,
        ExcelCellKind.Date => Date,
        _ => null,
    };
}
