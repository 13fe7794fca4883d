using System.Globalization;
using System.Text;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// How a <see cref="CsvDataset{TRow}"/> reads or writes its file. In <c>catalog.yml</c> these are the
/// keys of <c>load_args</c> (for loading) and <c>save_args</c> (for saving):
/// <c>delimiter</c> (or pandas' <c>sep</c>), <c>header</c>, <c>culture</c> and <c>encoding</c>, and for loading
/// pandas' <c>on_bad_lines</c> and <c>na_values</c>.
/// </summary>
public sealed record CsvDatasetOptions
{
    /// <summary>Comma-separated, with a header row, invariant culture, UTF-8.</summary>
    public static CsvDatasetOptions Default { get; } = new();

    /// <summary>
    /// The field separator: one ASCII character other than a quote or a line break (<c>,</c> <c>;</c> <c>\t</c> <c>|</c> …);
    /// <c>","</c> by default.
    /// </summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>
    /// Whether the first row is a header. With a header, columns bind to properties by name
    /// (<c>company_rating</c> ↔ <c>CompanyRating</c>); without one, by position in declaration order.
    /// </summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The culture numbers and dates are formatted and parsed with; invariant by default.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>The text encoding; UTF-8 without a byte order mark by default (a byte order mark in the file wins on load).</summary>
    public Encoding Encoding { get; init; } = DatasetArgs.Utf8;

    /// <summary>What loading does with a row whose number of fields differs from the header's: an error by default.</summary>
    public CsvBadLines BadLines { get; init; } = CsvBadLines.Error;

    /// <summary>
    /// The field texts that load as a missing value (pandas' <c>na_values</c>): null into a nullable member, <c>""</c>
    /// into a <c>string</c> (as an empty field), <see cref="double.NaN"/> into a <c>double</c> or <c>float</c> (pandas'
    /// NaN); into another member (an <c>int</c>) it fails as text that is not a number does. Matched whole and
    /// case-sensitively; none by default.
    /// </summary>
    public IReadOnlyList<string> NaValues { get; init; } = [];

    /// <summary>
    /// Reads the options from the mapping <paramref name="section"/> (<c>load_args</c> or <c>save_args</c>)
    /// of a catalog entry; keys that are absent keep their defaults.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <param name="section">The key of the mapping: <c>load_args</c> or <c>save_args</c>.</param>
    /// <exception cref="DatasetException">A value is malformed, or a key is not supported.</exception>
    public static CsvDatasetOptions FromConfig(DatasetConfig config, string section)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(section);
        var args = config.GetMapping(section);
        if (args is null) return Default;
        if (section == "save_args") DatasetArgs.CheckKeys(config, section, args, "delimiter", "sep", "header", "culture", "encoding", "index");
        else DatasetArgs.CheckKeys(config, section, args, "delimiter", "sep", "header", "culture", "encoding", "on_bad_lines", "na_values");

        var options = Default;
        if (DatasetArgs.Has(args, "delimiter") && DatasetArgs.Has(args, "sep"))
            throw config.Error($"sets both '{section}.delimiter' and '{section}.sep'; keep one", args["sep"]!.Location);
        var delimiterKey = DatasetArgs.Has(args, "sep") ? "sep" : "delimiter";
        if (DatasetArgs.Has(args, delimiterKey))
        {
            var delimiter = DatasetArgs.GetString(config, section, args, delimiterKey);
            if (!IsValidDelimiter(delimiter))
                throw config.Error($"key '{section}.{delimiterKey}' must be a single ASCII character other than a quote or a line break (e.g. ',', ';', '\\t', '|'), not '{delimiter}'", args[delimiterKey]!.Location);
            options = options with { Delimiter = delimiter };
        }

        if (DatasetArgs.Has(args, "header"))
        {
            // pandas spells "first row is the header" as header: 0 or header: infer, and "no header" as header: None.
            var text = DatasetArgs.GetString(config, section, args, "header");
            bool hasHeader = text?.Trim().ToLowerInvariant() switch
            {
                null or "none" or "false" => false,
                "true" or "0" or "infer" => true,
                _ => throw config.Error($"key '{section}.header' must be true or false, not '{text}'", args["header"]!.Location),
            };
            options = options with { HasHeader = hasHeader };
        }

        if (DatasetArgs.GetString(config, section, args, "culture") is { } cultureName)
        {
            CultureInfo culture;
            try
            {
                culture = cultureName.Length == 0 || cultureName.Equals("invariant", StringComparison.OrdinalIgnoreCase)
                    ? CultureInfo.InvariantCulture
                    : CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
            }
            catch (CultureNotFoundException ex)
            {
                throw config.Error(UnknownCulture(section, cultureName, HasCultureData()), args["culture"]!.Location, ex);
            }
            options = options with { Culture = culture };
        }

        if (DatasetArgs.GetEncoding(config, section, args) is { } encoding)
            options = options with { Encoding = encoding };

        if (DatasetArgs.GetString(config, section, args, "on_bad_lines") is { } badLines)
        {
            options = options with
            {
                BadLines = badLines.Trim().ToLowerInvariant() switch
                {
                    "error" => CsvBadLines.Error,
                    "skip" => CsvBadLines.Skip,
                    "allow" => CsvBadLines.Allow,
                    _ => throw config.Error($"key '{section}.on_bad_lines' must be error, skip or allow, not '{badLines}'", args["on_bad_lines"]!.Location),
                },
            };
        }

        if (section == "load_args" && DatasetArgs.GetNaValues(config, section, args) is { Count: > 0 } naValues)
            options = options with { NaValues = naValues };

        // pandas' to_csv(index=False) is the usual Kedro setting: there is no index column to write here.
        if (DatasetArgs.GetBoolean(config, section, args, "index") is true)
            throw config.Error($"key '{section}.index' can only be false: rows have no index column", args["index"]!.Location);

        return options;
    }

    /// <summary>Whether <paramref name="delimiter"/> can separate fields: one ASCII character other than a quote, CR or LF.</summary>
    internal static bool IsValidDelimiter([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? delimiter) =>
        delimiter is { Length: 1 } && char.IsAscii(delimiter[0]) && delimiter[0] is not '"' and not '\r' and not '\n';

    /// <summary>
    /// The error of a culture this program cannot create: unknown, or any culture but the invariant one in a program
    /// without culture data (<c>InvariantGlobalization</c> in its project file, as the sample's for a faster start).
    /// </summary>
    internal static string UnknownCulture(string section, string cultureName, bool hasCultureData) => hasCultureData
        ? $"key '{section}.culture' names an unknown culture '{cultureName}' (use e.g. invariant, en-US, fr-FR)"
        : $"key '{section}.culture' names the culture '{cultureName}', but this program runs without culture data " +
          "(InvariantGlobalization in its project file, or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT): only 'invariant' is " +
          "available. Use culture: invariant, or remove InvariantGlobalization from the project to use other cultures";

    // Whether cultures other than the invariant one can be created: not in globalization-invariant mode.
    private static bool HasCultureData()
    {
        try
        {
            return CultureInfo.GetCultureInfo("en-US", predefinedOnly: true).Name == "en-US";
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
