using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Compiled.Datasets;

/// <summary>
/// The temporary files of atomic writes and the sweep of those a crashed writer left behind.
/// A temporary file is <c>.{file name}.{pid}-{start}-{machine}-{random}.tmp</c> beside its target: it names
/// the process writing it (process id, start time in Unix seconds, a hash of the machine name). A file is
/// stale when it was written on this machine by a process that is no longer running (no process with that
/// id, or one that started at another time: the id was reused). A sweep deletes only stale files, so it
/// never removes the file of a writer that is still running, in this process or another.
/// </summary>
/// <remarks>
/// Files of another machine (a shared network drive), files whose process cannot be inspected (another
/// user's, on some systems) and files in an older name format are left alone.
/// </remarks>
internal static class TempFiles
{
    private const string Suffix = ".tmp";
    private static readonly string Machine = Fnv1a(Environment.MachineName).ToString("x8", CultureInfo.InvariantCulture);
    private static readonly string Owner = $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{CurrentStartSeconds().ToString(CultureInfo.InvariantCulture)}-{Machine}";

    /// <summary>Whether <paramref name="fileName"/> is the name of a temporary file of an atomic write.</summary>
    public static bool IsTempFile(string fileName) =>
        fileName.Length > 1 && fileName[0] == '.' && fileName.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>A new temporary file name for <paramref name="fileName"/> in <paramref name="directory"/>, owned by this process.</summary>
    public static string NewPath(string directory, string fileName) =>
        Path.Combine(directory, $".{fileName}.{Owner}-{Random.Shared.NextInt64():x16}{Suffix}");

    // The versioned datasets this process has swept (their base path): see SweepStaleOnce.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> s_sweptVersions = new(StringComparer.Ordinal);

    /// <summary>
    /// How many version directories, the newest by name, a process's first save of a versioned dataset sweeps. A killed
    /// save leaves its temporary file in the version directory it was writing, which is then among the newest when the next
    /// process saves the dataset. Sweeping every version directory instead cost the first save a listing per version:
    /// 46-111 ms with the 2,878 versions the cold-start benchmark had left of <c>regressor</c>, against 4-13 ms with none
    /// (benchmarks/README.md, "Session 12").
    /// </summary>
    internal const int SweptVersionDirectories = 32;

    /// <summary>
    /// Deletes the stale temporary files of the versioned file <paramref name="fileName"/> in the
    /// <see cref="SweptVersionDirectories"/> newest version directories under <paramref name="directory"/>, the first time
    /// this process asks for that directory; later calls do nothing.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    public static int SweepStaleOnce(string directory, string fileName) =>
        s_sweptVersions.TryAdd(Path.Combine(directory, fileName), 0) ? SweepNewestVersions(directory, fileName) : 0;

    private static int SweepNewestVersions(string directory, string fileName)
    {
        List<string> versions;
        try
        {
            versions = [.. Directory.EnumerateDirectories(directory)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0; // no version saved yet (no directory), or one this user cannot list
        }

        // Kedro's versions are timestamps, so the ordinal order is the order they were saved in.
        versions.Sort(StringComparer.Ordinal);
        var deleted = 0;
        for (var i = versions.Count - 1; i >= Math.Max(0, versions.Count - SweptVersionDirectories); i--)
            deleted += SweepStale(versions[i], fileName);
        return deleted;
    }

    /// <summary>Deletes the stale temporary files of <paramref name="fileName"/> in <paramref name="directory"/>.</summary>
    /// <returns>How many files were deleted.</returns>
    public static int SweepStale(string directory, string fileName)
    {
        if (!Directory.Exists(directory)) return 0;
        var prefix = "." + fileName + ".";
        var options = new EnumerationOptions
        {
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
            MatchType = MatchType.Simple,
        };
        var deleted = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*" + Suffix, options))
            {
                var name = Path.GetFileName(path);
                if (name.Length <= prefix.Length + Suffix.Length || !name.StartsWith(prefix, StringComparison.Ordinal)
                    || !IsStale(name.AsSpan(prefix.Length, name.Length - prefix.Length - Suffix.Length))) continue;
                if (TryDelete(path)) deleted++;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The directory was removed meanwhile: nothing left to sweep.
        }

        return deleted;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // this user cannot delete it: leftovers are not this save's problem
        }
    }

    // "{pid}-{start}-{machine}-{random}": stale when written on this machine by a process that is gone.
    private static bool IsStale(ReadOnlySpan<char> owner)
    {
        Span<Range> parts = stackalloc Range[5];
        if (owner.Split(parts, '-') != 4) return false;
        if (!owner[parts[2]].SequenceEqual(Machine)) return false;
        if (!int.TryParse(owner[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(owner[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var startSeconds)) return false;
        return !IsRunning(pid, startSeconds);
    }

    private static bool IsRunning(int pid, long startSeconds)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // The start time is computed from the boot time, which may differ by a fraction of a second between readings.
            // 0: the writer could not read its own start time, so only the process id tells.
            return !process.HasExited && (startSeconds == 0 || Math.Abs(StartSeconds(process) - startSeconds) <= 1);
        }
        catch (ArgumentException)
        {
            return false; // no process has that id
        }
        catch (InvalidOperationException)
        {
            return false; // it exited while being inspected
        }
        catch (Exception ex) when (ex is Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            return true; // it cannot be inspected: keep its file
        }
    }

    private static long CurrentStartSeconds()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return StartSeconds(process);
        }
        catch (Exception ex) when (ex is Win32Exception or NotSupportedException or InvalidOperationException)
        {
            return 0; // unknown: such files are swept only once no process has this id
        }
    }

    private static long StartSeconds(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds();

    // A stable hash (string.GetHashCode is randomized per process).
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
