using System.Globalization;

namespace Compiled.Datasets;

/// <summary>
/// Version strings of versioned datasets, in Kedro's format <c>YYYY-MM-DDThh.mm.ss.sssZ</c> (UTC, with
/// milliseconds and dots instead of colons so that they are valid directory names everywhere).
/// Versions in this format sort in time order as plain strings.
/// </summary>
public static class DatasetVersion
{
    /// <summary>The .NET format string of a version: <c>yyyy-MM-ddTHH.mm.ss.fffZ</c>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH'.'mm'.'ss'.'fff'Z'";

    /// <summary>The version for <paramref name="timestamp"/>, converted to UTC: e.g. <c>2026-11-25T16.30.00.123Z</c>.</summary>
    public static string FromTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The version for the current time.</summary>
    public static string Now() => FromTimestamp(DateTimeOffset.UtcNow);

    /// <summary>
    /// The version a millisecond after <paramref name="version"/>, where a save goes when another save took
    /// <paramref name="version"/>; null when <paramref name="version"/> is not in Kedro's format.
    /// </summary>
    internal static string? Next(string version) =>
        TryParse(version, out var timestamp) ? FromTimestamp(timestamp.AddMilliseconds(1)) : null;

    /// <summary>Reads a version in Kedro's format back into its timestamp.</summary>
    /// <returns>False when <paramref name="version"/> is not in the format (a hand-named version, for instance).</returns>
    public static bool TryParse(string? version, out DateTimeOffset timestamp)
    {
        if (version is not null && DateTime.TryParseExact(version, Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            timestamp = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }
        timestamp = default;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="version"/> can name a version directory: not empty, not <c>.</c> or
    /// <c>..</c>, no path separators or characters invalid in file names, no leading or trailing spaces.
    /// </summary>
    public static bool IsValid(string? version) =>
        !string.IsNullOrEmpty(version)
        && version is not "." and not ".."
        && version.Trim() == version
        && version.IndexOfAny(['/', '\\']) < 0
        && version.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
}
