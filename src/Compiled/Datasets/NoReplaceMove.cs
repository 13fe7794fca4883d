using System.Runtime.InteropServices;

namespace Compiled.Datasets;

/// <summary>
/// Moves a finished temporary file to its target only if no file is there, atomically: of two processes committing the
/// same target at once, exactly one succeeds and the other is told the target exists.
/// </summary>
/// <remarks>
/// <see cref="File.Move(string, string, bool)"/> without overwrite is atomic on Windows (MoveFileEx without
/// MOVEFILE_REPLACE_EXISTING), but on Unix it checks that the target is absent and then calls rename(2), which replaces
/// a file that another process moved there in between: one of the two saves is silently lost. On Linux this links the
/// temporary file to the target with link(2), which fails with EEXIST when the target exists, then removes the temporary
/// name. Where link(2) cannot be used (another libc, a file system without hard links) it falls back to the framework's move.
/// </remarks>
internal static class NoReplaceMove
{
    private const int EEXIST = 17; // the same on Linux and macOS

    /// <summary>Moves <paramref name="temp"/> to <paramref name="target"/>.</summary>
    /// <exception cref="TargetExistsException">A file exists at <paramref name="target"/>.</exception>
    public static void Move(string temp, string target)
    {
        if (OperatingSystem.IsLinux() && TryLink(temp, target, out var error))
        {
            if (error == 0)
            {
                AtomicFile.TryDelete(temp); // committed: a name left behind is the stale-file sweep's, not a failed save
                return;
            }

            if (error == EEXIST) throw new TargetExistsException(target);
        }

        if (File.Exists(target)) throw new TargetExistsException(target);
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException ex) when (File.Exists(target))
        {
            throw new TargetExistsException(target, ex);
        }
    }

    // False when link(2) could not be called at all; otherwise error is 0 or the errno it failed with. An errno other than
    // EEXIST (EXDEV, EPERM, EOPNOTSUPP, EMLINK…) means this file system will not link: the caller moves the framework's way.
    private static bool TryLink(string temp, string target, out int error)
    {
        try
        {
            error = Link(temp, target) == 0 ? 0 : Marshal.GetLastPInvokeError();
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            error = 0;
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
