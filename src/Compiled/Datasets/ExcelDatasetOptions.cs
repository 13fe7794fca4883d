using System.Globalization;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// How an <see cref="ExcelDataset{TRow}"/> reads or writes its workbook. In <c>catalog.yml</c> these are
/// the keys of <c>load_args</c> (for loading) and <c>save_args</c> (for saving), as pandas names them:
/// <c>sheet_name</c>, <c>header</c> and, for loading, <c>na_values</c>.
/// </summary>
public sealed record ExcelDatasetOptions
{
    /// <summary>The first sheet on load (<c>Sheet1</c> on save), with a header in the first row.</summary>
    public static ExcelDatasetOptions Default { get; } = new();

    /// <summary>
    /// The sheet: its name, or on load its position as a number (<c>0</c> is the first sheet, as in pandas)
    /// when no sheet has that name. Null: the first sheet on load, <c>Sheet1</c> on save.
    /// </summary>
    public string? SheetName { get; init; }

    /// <summary>
    /// The row holding the column names, counted from 0 (pandas' <c>header</c>): rows before it are
    /// skipped and the data starts after it. Null: no header, columns bind to properties by position
    /// in declaration order. On save only 0 (write a header) or null (no header) are meaningful.
    /// </summary>
    public int? HeaderRow { get; init; } = 0;

    /// <summary>
    /// The cell values that load as a missing value (pandas' <c>na_values</c>): a text cell equal to one, or a number cell
    /// whose invariant text is one (<c>-999</c>). Null into a nullable member, <see cref="double.NaN"/> into a
    /// <c>double</c> or <c>float</c> (pandas' NaN), <c>""</c> into a <c>string</c>; into another member it is an error, as
    /// an empty cell is. None by default.
    /// </summary>
    public IReadOnlyList<string> NaValues { get; init; } = [];

    /// <summary>
    /// Reads the options from the mapping <paramref name="section"/> (<c>load_args</c> or <c>save_args</c>)
    /// of a catalog entry: <c>sheet_name</c>, <c>header</c> (a row number, <c>0</c>/<c>true</c> for the first
    /// row, <c>None</c>/<c>false</c> for none), <c>na_values</c> when loading, and — accepted for compatibility with Kedro catalogs —
    /// <c>engine: openpyxl</c> and, when saving, <c>index: false</c>.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <param name="section">The key of the mapping: <c>load_args</c> or <c>save_args</c>.</param>
    /// <exception cref="DatasetException">A value is malformed, or a key is not supported.</exception>
    public static ExcelDatasetOptions FromConfig(DatasetConfig config, string section)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(section);
        var args = config.GetMapping(section);
        if (args is null) return Default;
        var saving = section == "save_args";
        if (saving) DatasetArgs.CheckKeys(config, section, args, "sheet_name", "header", "engine", "index");
        else DatasetArgs.CheckKeys(config, section, args, "sheet_name", "header", "engine", "na_values");

        var options = Default;
        if (DatasetArgs.GetString(config, section, args, "sheet_name") is { } sheet)
        {
            if (!IsValidSheetName(sheet))
                throw config.Error($"key '{section}.sheet_name' must be 1 to 31 characters without : \\ / ? * [ ], not '{sheet}'", args["sheet_name"]!.Location);
            options = options with { SheetName = sheet };
        }

        if (DatasetArgs.Has(args, "header"))
        {
            var text = DatasetArgs.GetString(config, section, args, "header")?.Trim().ToLowerInvariant();
            int? header = text switch
            {
                null or "none" or "false" => null,
                "true" or "infer" => 0,
                _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && (!saving || row == 0) => row,
                _ => throw config.Error(
                    $"key '{section}.header' must be {(saving ? "true or false" : "a row number (0 for the first row) or None")}, not '{text}'",
                    args["header"]!.Location),
            };
            options = options with { HeaderRow = header };
        }

        if (DatasetArgs.GetString(config, section, args, "engine") is { } engine && !engine.Equals("openpyxl", StringComparison.OrdinalIgnoreCase))
            throw config.Error($"key '{section}.engine' can only be openpyxl (xlsx files), not '{engine}'", args["engine"]!.Location);

        if (!saving && DatasetArgs.GetNaValues(config, section, args) is { Count: > 0 } naValues)
            options = options with { NaValues = naValues };

        if (DatasetArgs.GetBoolean(config, section, args, "index") is true)
            throw config.Error($"key '{section}.index' can only be false: rows have no index column", args["index"]!.Location);

        return options;
    }

    /// <summary>Whether Excel accepts <paramref name="name"/> as a sheet name.</summary>
    public static bool IsValidSheetName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 31 && name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0
        && name[0] != '\'' && name[^1] != '\'';
}
