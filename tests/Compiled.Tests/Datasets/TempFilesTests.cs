using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

/// <summary>Which temporary files a sweep treats as stale: only those of this machine whose process is gone.</summary>
public sealed class TempFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_temp_file_of_this_running_process_is_kept()
    {
        var mine = Touch(TempFiles.NewPath(_dir.Path, "a.txt"));

        Assert.Equal(0, TempFiles.SweepStale(_dir.Path, "a.txt"));
        Assert.True(File.Exists(mine));
    }

    [Fact]
    public void A_temp_file_whose_process_id_was_reused_by_a_later_process_is_stale()
    {
        // This process's id with another start time: the writer was an earlier process that had the same id.
        var reused = Touch(WithOwnerPart(TempFiles.NewPath(_dir.Path, "a.txt"), part: 1, "1000000000"));

        Assert.Equal(1, TempFiles.SweepStale(_dir.Path, "a.txt"));
        Assert.False(File.Exists(reused));
    }

    [Fact]
    public void Temp_files_of_other_machines_other_files_and_unknown_formats_are_kept()
    {
        var otherMachine = Touch(WithOwnerPart(WithOwnerPart(TempFiles.NewPath(_dir.Path, "a.txt"), part: 1, "1000000000"), part: 2, "0badf00d"));
        var otherFile = Touch(WithOwnerPart(TempFiles.NewPath(_dir.Path, "b.txt"), part: 1, "1000000000"));
        var oldFormat = Touch(_dir.File(".a.txt.k2j4h5g6.x1z.tmp"));
        var bare = Touch(_dir.File(".a.txt.tmp"));

        Assert.Equal(0, TempFiles.SweepStale(_dir.Path, "a.txt"));
        Assert.All([otherMachine, otherFile, oldFormat, bare], f => Assert.True(File.Exists(f)));
    }

    [Fact]
    public void A_versioned_sweep_reaches_the_newest_version_directories_only_and_once_per_process()
    {
        // 40 versions, each with a killed save's leftover (this process's id with another start time); the sweep of the
        // first save reaches the 32 newest, so its cost does not grow with the versions kept.
        var versions = Enumerable.Range(0, 40).Select(i => DatasetVersion.FromTimestamp(DateTimeOffset.UnixEpoch.AddDays(i))).ToArray();
        var leftovers = versions.Select(v => Touch(WithOwnerPart(TempFiles.NewPath(Directory.CreateDirectory(_dir.File("model.json", v)).FullName, "model.json"), part: 1, "1000000000"))).ToArray();
        var basePath = _dir.File("model.json");

        Assert.Equal(TempFiles.SweptVersionDirectories, TempFiles.SweepStaleOnce(basePath, "model.json"));
        Assert.All(leftovers[^TempFiles.SweptVersionDirectories..], f => Assert.False(File.Exists(f)));
        Assert.All(leftovers[..^TempFiles.SweptVersionDirectories], f => Assert.True(File.Exists(f)));

        var later = Touch(WithOwnerPart(TempFiles.NewPath(_dir.File("model.json", versions[^1]), "model.json"), part: 1, "1000000000"));
        Assert.Equal(0, TempFiles.SweepStaleOnce(basePath, "model.json"));
        Assert.True(File.Exists(later));
    }

    private static string Touch(string path)
    {
        File.WriteAllText(path, "partial");
        return path;
    }

    // ".{file}.{pid}-{start}-{machine}-{random}.tmp" with one of the four owner parts replaced.
    private static string WithOwnerPart(string path, int part, string value)
    {
        var name = Path.GetFileName(path);
        var ownerStart = name.LastIndexOf('.', name.Length - ".tmp".Length - 1) + 1;
        var parts = name[ownerStart..^".tmp".Length].Split('-');
        parts[part] = value;
        return Path.Combine(Path.GetDirectoryName(path)!, name[..ownerStart] + string.Join('-', parts) + ".tmp");
    }
}
