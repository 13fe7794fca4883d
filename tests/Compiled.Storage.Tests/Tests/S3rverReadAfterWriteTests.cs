using System.Diagnostics;
using Compiled.Storage.Tests.Servers;
using Xunit;

namespace Compiled.Storage.Tests.Tests;

/// <summary>
/// s3rver answers a put once it has hashed the body, not once the object's file is written, so a read right after a
/// write can see a short object (CI saw "Expected hash not equal to calculated hash" on a load that followed a save).
/// <c>tests/servers/s3rver-read-after-write.js</c>, which <see cref="ServerProcess.StartS3rver"/> loads, makes its
/// store wait for the file. This drives s3rver's own store in node, where the gap is wide: a 33 MiB object in two
/// chunks, the file's size read when the put is answered. Without the preload, 20 runs of the script out of 20 found
/// 4–20 MiB on disk.
/// </summary>
public sealed class S3rverReadAfterWriteTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compiled-s3rver-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task With_the_preload_a_put_is_answered_once_the_object_file_is_complete()
    {
        Assert.Equal(["34603008 34603008", "3 3"], await PutThenStat());
    }

    private async Task<string[]> PutThenStat()
    {
        const string Script = """
            const { Readable } = require('node:stream');
            const { statSync } = require('node:fs');
            const FilesystemStore = require('s3rver/lib/stores/filesystem');
            const S3Object = require('s3rver/lib/models/object');
            const store = new FilesystemStore(process.argv[1]);
            const sizeOnDisk = key => statSync(store.getResourcePath('data', key, 'object')).size;
            (async () => {
              const body = Buffer.alloc(33 << 20, 7);
              const streamed = await store.putObject(new S3Object('data', 'streamed', Readable.from([body.subarray(0, 1 << 20), body.subarray(1 << 20)]), {}));
              console.log(streamed.size, sizeOnDisk('streamed'));
              const buffered = await store.putObject(new S3Object('data', 'buffered', Buffer.from('abc'), {}));
              console.log(buffered.size, sizeOnDisk('buffered'));
            })().catch(error => { console.error(error); process.exit(1); });
            """;
        Directory.CreateDirectory(Path.Combine(_directory, "data"));
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = ServerProcess.ServersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--require=./s3rver-read-after-write.js");
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(_directory);
        using var node = Process.Start(info)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
