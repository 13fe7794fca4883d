using Compiled.Datasets;
using Compiled.Storage.Tests.Servers;
using Xunit;

namespace Compiled.Storage.Tests.Tests;

/// <summary>
/// A save cut by the death of the store itself: s3rver is killed (SIGKILL) once two parts of a new object were
/// written, then started again on the same data directory. The previous object is still there, byte for byte, and
/// nothing else is under the prefix. A download cut the same way fails the load with an error naming the dataset.
/// Emulators of their own: these tests kill them.
/// </summary>
/// <remarks>
/// Only s3rver: it writes each object to its data directory before answering. Azurite keeps its blob index in memory
/// and saves it every few seconds, so a SIGKILL loses writes it had acknowledged whatever the client did.
/// </remarks>
public sealed class EmulatorKillTests : IDisposable
{
    private readonly Emulators _emulators = new();

    public void Dispose() => _emulators.Dispose();

    [Fact]
    public async Task An_s3_server_killed_mid_upload_and_restarted_still_serves_the_previous_object()
    {
        using var project = new StoreProject(_emulators);
        var location = project.Load(project.Entry("blob", "binary", Store.S3, "blob.bin")).GetDataset("blob").GetFileLocation();
        var previous = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(previous);
        await new BinaryDataset("blob", location).SaveAsync(previous);

        var killing = new KillingDataset("blob", location, _emulators.S3, killAfterBytes: 17 * 1024 * 1024, totalBytes: 40 * 1024 * 1024);
        var error = await Assert.ThrowsAsync<DatasetException>(() => killing.SaveAsync([]).AsTask());
        Assert.Contains("Dataset 'blob'", error.Message);
        Assert.Contains("the previous file, if any, was left unchanged", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(_emulators.S3.IsRunning);

        _emulators.S3.Restart();
        Assert.Equal(previous, await new BinaryDataset("blob", location).LoadAsync());
        Assert.Equal(["blob.bin"], await project.Keys(Store.S3));
    }

    [Fact]
    public async Task An_s3_server_killed_mid_download_fails_the_load_naming_the_dataset_and_the_object()
    {
        using var project = new StoreProject(_emulators);
        var location = project.Load(project.Entry("blob", "binary", Store.S3, "big.bin")).GetDataset("blob").GetFileLocation();
        await new BinaryDataset("blob", location).SaveAsync(new byte[64 * 1024 * 1024]);

        // The reader kills the server after its first MiB, ahead of what the download had buffered, and reads on.
        var error = await Assert.ThrowsAsync<DatasetException>(() => new KillingReader("blob", location, _emulators.S3).LoadAsync().AsTask());

        Assert.Contains("Dataset 'blob'", error.Message);
        Assert.Contains(location.Path, error.Message);
        _emulators.S3.Restart();
    }

    // Reads a MiB, kills the server, then reads to the end.
    private sealed class KillingReader(string name, FileLocation location, ServerProcess server) : FileDataset<byte[]>(name, location, null)
    {
        protected override bool NeedsSeekableStream => false;

        protected override byte[] Read(Stream stream, string path) => throw new NotSupportedException();

        protected override async ValueTask<byte[]> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
        {
            var buffer = new byte[1024 * 1024];
            await stream.ReadExactlyAsync(buffer, cancellationToken);
            server.Kill();
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
            return buffer;
        }

        protected override void Write(Stream stream, byte[] data, string path) => throw new NotSupportedException();

        protected override ValueTask WriteAsync(Stream stream, byte[] data, string path, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    // Writes zeros; once killAfterBytes are written it kills the server and goes on writing, as a writer would.
    private sealed class KillingDataset(string name, FileLocation location, ServerProcess server, int killAfterBytes, int totalBytes)
        : FileDataset<byte[]>(name, location, null)
    {
        protected override bool NeedsSeekableStream => false;

        protected override byte[] Read(Stream stream, string path) => throw new NotSupportedException();

        protected override void Write(Stream stream, byte[] data, string path) => throw new NotSupportedException();

        protected override async ValueTask WriteAsync(Stream stream, byte[] data, string path, CancellationToken cancellationToken)
        {
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < totalBytes; written += chunk.Length)
            {
                if (written == killAfterBytes) server.Kill();
                await stream.WriteAsync(chunk, cancellationToken);
            }
        }
    }
}
