using Compiled.Datasets;
using Compiled.Storage.Tests.Servers;
using Xunit;

namespace Compiled.Storage.Tests.Tests;

/// <summary>
/// A save that fails mid-upload leaves the previous object intact; a missing bucket or container, wrong credentials
/// and a missing object each give an error naming the dataset, the URL and what failed, and never the secret.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class FailureTests(Emulators emulators)
{
    public static TheoryData<Store> Stores => [Store.Azure, Store.S3];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_save_failing_mid_upload_leaves_the_previous_object_intact(Store store)
    {
        using var project = new StoreProject(emulators);
        var location = project.Load(project.Entry("blob", "binary", store, "blob.bin")).GetDataset("blob").GetFileLocation();
        var previous = new byte[3 * 1024 * 1024];
        new Random(1).NextBytes(previous);
        await new BinaryDataset("blob", location).SaveAsync(previous);

        // The writer has sent two full parts (16 MiB) when it fails: they were uploaded, never committed.
        var failing = new FailingDataset("blob", location, failAfterBytes: 17 * 1024 * 1024);
        var asyncError = await Assert.ThrowsAsync<DatasetException>(() => failing.SaveAsync([]).AsTask());
        var syncError = Assert.Throws<DatasetException>(() => failing.Save([]));

        foreach (var error in new[] { asyncError, syncError })
        {
            Assert.Contains("Dataset 'blob'", error.Message);
            Assert.Contains(location.Path, error.Message);
            Assert.Contains("the previous file, if any, was left unchanged", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(previous, await project.ReadRaw(store, "blob.bin"));
        Assert.Equal(["blob.bin"], await project.Keys(store));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_missing_object_is_reported_as_not_found(Store store)
    {
        using var project = new StoreProject(emulators);
        var dataset = TextDataset.FromConfig(project.Load(project.Entry("notes", "text", store, "missing.txt")).GetDataset("notes"));

        var error = await Assert.ThrowsAsync<DatasetException>(() => dataset.LoadAsync().AsTask());

        Assert.Equal($"Dataset 'notes' ({project.Url(store, "missing.txt")}): file not found. Run the node that produces 'notes' first, or check the 'filepath' of 'notes' in the catalog.", error.Message);
        Assert.False(dataset.Exists());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_missing_bucket_or_container_is_named(Store store)
    {
        using var project = new StoreProject(emulators);
        var url = project.Url(store, "notes.txt", bucket: "no-such-bucket");
        var dataset = TextDataset.FromConfig(project.Load(project.Entry("notes", "text", store, "notes.txt", bucket: "no-such-bucket")).GetDataset("notes"));

        var load = await Assert.ThrowsAsync<DatasetException>(() => dataset.LoadAsync().AsTask());
        var save = await Assert.ThrowsAsync<DatasetException>(() => dataset.SaveAsync("text").AsTask());
        var exists = Assert.Throws<DatasetException>(() => dataset.Exists());

        var what = store == Store.Azure ? "container" : "bucket";
        foreach (var error in new[] { load, save, exists })
        {
            Assert.Contains($"Dataset 'notes' ({url})", error.Message);
            Assert.Contains($"the {what} of '{url}' does not exist", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Wrong_credentials_are_reported_as_access_denied_without_the_secret(Store store)
    {
        var secret = store == Store.Azure
            ? Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("wrong-key-" + Guid.NewGuid().ToString("N")))
            : "wrong-secret-" + Guid.NewGuid().ToString("N");
        using var project = new StoreProject(emulators, azureKey: secret, s3Key: "WRONGKEY", s3Secret: secret);
        var config = project.Load(project.Entry("notes", "text", store, "notes.txt") + project.Entry("history", "text", store, "history.txt", versioned: true));
        var dataset = TextDataset.FromConfig(config.GetDataset("notes"));
        var versioned = TextDataset.FromConfig(config.GetDataset("history"));

        DatasetException[] errors =
        [
            await Assert.ThrowsAsync<DatasetException>(() => dataset.LoadAsync().AsTask()),
            await Assert.ThrowsAsync<DatasetException>(() => dataset.SaveAsync("text").AsTask()),
            Assert.Throws<DatasetException>(() => dataset.Load()),
            Assert.Throws<DatasetException>(() => dataset.Save("text")),
            Assert.Throws<DatasetException>(() => versioned.Load()),
            Assert.Throws<DatasetException>(() => versioned.Save("text")),
        ];

        foreach (var error in errors)
        {
            Assert.StartsWith("Dataset '", error.Message);
            Assert.Contains("was denied", error.Message);
            Assert.Contains("check the ", error.Message);
            Assert.DoesNotContain(secret, error.ToString()); // the message, the inner exceptions and their details
        }
    }

    [Fact]
    public void Incomplete_credentials_name_the_key_never_the_value()
    {
        using var project = new StoreProject(emulators);
        var config = project.Load("""
            rows:
              type: csv
              filepath: s3://data/rows.csv
              credentials: partial
            blob:
              type: binary
              filepath: abfs://data/blob.bin
              credentials: broken
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(config.Files[0]))!, "local", "credentials.yml"), """
            partial:
              key: AKIA-VISIBLE
            broken:
              connection_string: not-a-connection-string-SECRET
            """);
        config = project.Load(File.ReadAllText(config.Files[0]));

        var s3 = Assert.Throws<DatasetException>(() => CsvDataset<Row>.FromConfig(config.GetDataset("rows")));
        var azure = Assert.Throws<DatasetException>(() => BinaryDataset.FromConfig(config.GetDataset("blob")));

        Assert.Contains("Dataset 'rows'", s3.Message);
        Assert.Contains("only one of key and secret", s3.Message);
        Assert.Contains("Dataset 'blob'", azure.Message);
        Assert.Contains("connection_string is not a valid Azure Storage connection string", azure.Message);
        Assert.DoesNotContain("SECRET", azure.ToString());
    }

    [Fact]
    public void A_url_whose_scheme_no_store_serves_says_which_package_to_add()
    {
        using var project = new StoreProject(emulators);
        var config = project.Load("""
            rows:
              type: csv
              filepath: gs://bucket/rows.csv
            """);

        var error = Assert.Throws<DatasetException>(() => CsvDataset<Row>.FromConfig(config.GetDataset("rows")));

        Assert.Contains("Dataset 'rows'", error.Message);
        Assert.Contains("catalog.yml:3", error.Message);
        Assert.Contains("no object store serves 'gs'", error.Message);
        Assert.Contains("SessionOptions.FileStores", error.Message);
    }

    // Writes zeros and fails after failAfterBytes: a writer that breaks mid-upload.
    private sealed class FailingDataset(string name, FileLocation location, int failAfterBytes) : FileDataset<byte[]>(name, location, null)
    {
        protected override bool NeedsSeekableStream => false;

        protected override byte[] Read(Stream stream, string path) => throw new NotSupportedException();

        protected override void Write(Stream stream, byte[] data, string path)
        {
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < failAfterBytes; written += chunk.Length) stream.Write(chunk);
            throw new IOException("the writer broke");
        }

        protected override async ValueTask WriteAsync(Stream stream, byte[] data, string path, CancellationToken cancellationToken)
        {
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < failAfterBytes; written += chunk.Length) await stream.WriteAsync(chunk, cancellationToken);
            throw new IOException("the writer broke");
        }
    }
}
