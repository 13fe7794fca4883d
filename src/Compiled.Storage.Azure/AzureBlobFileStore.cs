using Azure.Storage.Blobs.Specialized;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Compiled.Storage.Azure;

/// <summary>
/// The files of one Blob Storage account. A save stages blocks (8 MiB, four at a time) and commits the block list
/// only once the dataset's writer is done, so readers see the previous blob until the new one is complete; a save
/// that must not overwrite commits with <c>If-None-Match: *</c>. Reads stream the blob front to back.
/// </summary>
internal sealed class AzureBlobFileStore(BlobServiceClient service) : ObjectFileStore
{
    private const int BlockSize = 8 * 1024 * 1024;
    private const int Concurrency = 4;

    protected override async ValueTask<Stream> OpenReadAsync(StorageUrl url, CancellationToken cancellationToken)
    {
        var download = await Blob(url).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return download.Value.Content;
    }

    protected override PartUploadStream CreateUpload(StorageUrl url, bool overwrite) =>
        new BlockUpload(Container(url).GetBlockBlobClient(url.Key), overwrite);

    protected override async ValueTask<bool> ExistsAsync(StorageUrl url, CancellationToken cancellationToken)
    {
        try
        {
            await Blob(url).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound || (ex.Status == 404 && ex.ErrorCode is null))
        {
            // A HEAD answer has no body: a missing container is then told apart by asking for the container.
            if (ex.ErrorCode is null && !(await Container(url).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
                throw new RequestFailedException(404, "The specified container does not exist.", BlobErrorCode.ContainerNotFound.ToString(), ex);
            return false;
        }
    }

    protected override async ValueTask<bool> AnyUnderAsync(StorageUrl url, CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Prefix = DirectoryPrefix(url) };
        await foreach (var page in Container(url).GetBlobsAsync(options, cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            return page.Values.Count > 0;
        }
        return false;
    }

    protected override async IAsyncEnumerable<string> ListKeysAsync(StorageUrl url, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = DirectoryPrefix(url);
        await foreach (var item in Container(url).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            yield return item.Name[prefix.Length..];
        }
    }

    protected override StorageException? TranslateCore(Exception exception, string path, StorageFailure notFound) => exception switch
    {
        RequestFailedException { ErrorCode: var code } ex when code == BlobErrorCode.ContainerNotFound =>
            new StorageException(StorageFailure.ContainerNotFound, path,
                $"the container of '{path}' does not exist. Create it, or correct the container in the file path.", ex),
        RequestFailedException { Status: 404 } ex when notFound == StorageFailure.NotFound =>
            new StorageException(StorageFailure.NotFound, path, $"'{path}' not found.", ex),
        RequestFailedException { Status: 404 } ex =>
            new StorageException(StorageFailure.ContainerNotFound, path,
                $"the container of '{path}' does not exist. Create it, or correct the container in the file path.", ex),
        RequestFailedException { Status: 409 or 412 } ex =>
            new StorageException(StorageFailure.AlreadyExists, path, $"'{path}' already exists.", ex),
        RequestFailedException { Status: 401 or 403 } ex =>
            new StorageException(StorageFailure.AccessDenied, path,
                $"access to '{path}' was denied ({ex.ErrorCode ?? "HTTP " + ex.Status}): check the account name, key or connection string in the dataset's credentials.", ex),
        RequestFailedException ex =>
            new StorageException(StorageFailure.Other, path, $"Blob Storage answered HTTP {ex.Status} ({ex.ErrorCode ?? "no error code"}) for '{path}'.", ex),
        AggregateException or HttpRequestException or IOException =>
            new StorageException(StorageFailure.Other, path, $"could not reach Blob Storage at {service.Uri.GetLeftPart(UriPartial.Authority)} for '{path}'.", exception),
        _ => null,
    };

    private BlobContainerClient Container(StorageUrl url)
    {
        var at = url.Container.IndexOf('@');
        return service.GetBlobContainerClient(at < 0 ? url.Container : url.Container[..at]);
    }

    private BlobClient Blob(StorageUrl url) => Container(url).GetBlobClient(url.Key);

    // Blocks named by their number, all ids of one length as the service requires.
    private sealed class BlockUpload(BlockBlobClient blob, bool overwrite) : PartUploadStream(BlockSize, Concurrency)
    {
        private BlobRequestConditions? Conditions => overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All };

        protected override async Task UploadPartAsync(int partNumber, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            using var content = Content(data);
            await blob.StageBlockAsync(BlockId(partNumber), content, new BlockBlobStageBlockOptions(), cancellationToken).ConfigureAwait(false);
        }

        protected override async Task CommitPartsAsync(int partCount, CancellationToken cancellationToken)
        {
            var ids = Enumerable.Range(1, partCount).Select(BlockId).ToArray();
            await blob.CommitBlockListAsync(ids, new CommitBlockListOptions { Conditions = Conditions }, cancellationToken).ConfigureAwait(false);
        }

        protected override async Task UploadWholeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            using var content = Content(data);
            await blob.UploadAsync(content, new BlobUploadOptions { Conditions = Conditions }, cancellationToken).ConfigureAwait(false);
        }

        // Staged blocks that are never committed are discarded by the service (after a week at most).
        protected override Task DiscardPartsAsync(int partCount) => Task.CompletedTask;

        private static string BlockId(int partNumber) =>
            Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(partNumber.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)));

        private static MemoryStream Content(ReadOnlyMemory<byte> data) =>
            System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(data.ToArray(), writable: false);
    }
}
