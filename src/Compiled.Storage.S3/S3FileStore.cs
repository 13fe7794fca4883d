using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Compiled.Storage.S3;

/// <summary>
/// The files of one S3 endpoint. A save is a multipart upload (8 MiB parts, four at a time) completed only once the
/// dataset's writer is done, or a single put for a smaller object, so readers see the previous object until the new
/// one is complete; a failed save aborts the upload. A save that must not overwrite checks that the key is free and
/// writes with <c>If-None-Match: *</c> (servers without conditional writes leave a short race between the two).
/// Reads stream the object front to back.
/// </summary>
internal sealed class S3FileStore(IAmazonS3 client) : ObjectFileStore
{
    private readonly IAmazonS3 _client = client;

    private const int PartSize = 8 * 1024 * 1024;
    private const int Concurrency = 4;

    protected override async ValueTask<Stream> OpenReadAsync(StorageUrl url, CancellationToken cancellationToken)
    {
        var response = await _client.GetObjectAsync(url.Container, url.Key, cancellationToken).ConfigureAwait(false);
        return response.ResponseStream;
    }

    protected override PartUploadStream CreateUpload(StorageUrl url, bool overwrite) => new MultipartUpload(this, url, overwrite);

    protected override async ValueTask<bool> ExistsAsync(StorageUrl url, CancellationToken cancellationToken)
    {
        // A listing tells a missing bucket (an error) from a missing key (no match), which a HEAD request cannot.
        var response = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = url.Container, Prefix = url.Key, MaxKeys = 1 }, cancellationToken)
            .ConfigureAwait(false);
        return response.S3Objects is [{ Key: var key }] && key == url.Key;
    }

    protected override async ValueTask<bool> AnyUnderAsync(StorageUrl url, CancellationToken cancellationToken)
    {
        var response = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = url.Container, Prefix = DirectoryPrefix(url), MaxKeys = 1 }, cancellationToken)
            .ConfigureAwait(false);
        return response.S3Objects is { Count: > 0 };
    }

    protected override async IAsyncEnumerable<string> ListKeysAsync(StorageUrl url, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = DirectoryPrefix(url);
        var request = new ListObjectsV2Request { BucketName = url.Container, Prefix = prefix };
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.S3Objects ?? []) yield return item.Key[prefix.Length..];
            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken)) yield break;
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    protected override StorageException? TranslateCore(Exception exception, string path, StorageFailure notFound) => exception switch
    {
        AmazonS3Exception { ErrorCode: "NoSuchBucket" } ex =>
            new StorageException(StorageFailure.ContainerNotFound, path, $"the bucket of '{path}' does not exist. Create it, or correct the bucket in the file path.", ex),
        AmazonS3Exception { ErrorCode: "NoSuchKey" } ex =>
            new StorageException(StorageFailure.NotFound, path, $"'{path}' not found.", ex),
        AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.NotFound } ex when notFound == StorageFailure.NotFound =>
            new StorageException(StorageFailure.NotFound, path, $"'{path}' not found.", ex),
        AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.PreconditionFailed or System.Net.HttpStatusCode.Conflict } ex =>
            new StorageException(StorageFailure.AlreadyExists, path, $"'{path}' already exists.", ex),
        AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized } ex =>
            new StorageException(StorageFailure.AccessDenied, path,
                $"access to '{path}' was denied ({ex.ErrorCode ?? "HTTP " + (int)ex.StatusCode}): check the key and secret in the dataset's credentials.", ex),
        AmazonS3Exception ex =>
            new StorageException(StorageFailure.Other, path, $"S3 answered HTTP {(int)ex.StatusCode} ({ex.ErrorCode ?? "no error code"}) for '{path}'.", ex),
        HttpRequestException or IOException or AmazonClientException =>
            new StorageException(StorageFailure.Other, path, $"could not reach S3 for '{path}': {FirstLine(exception.Message)}", exception),
        _ => null,
    };

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static MemoryStream Content(ReadOnlyMemory<byte> data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);

    private sealed class MultipartUpload(S3FileStore store, StorageUrl url, bool overwrite) : PartUploadStream(PartSize, Concurrency)
    {
        private readonly ConcurrentDictionary<int, string> _etags = new();
        private readonly SemaphoreSlim _starting = new(1, 1);
        private string? _uploadId;

        protected override async Task UploadPartAsync(int partNumber, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            var uploadId = await UploadId(cancellationToken).ConfigureAwait(false);
            using var content = Content(data);
            var response = await store._client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = url.Container,
                Key = url.Key,
                UploadId = uploadId,
                PartNumber = partNumber,
                PartSize = data.Length,
                InputStream = content,
                UseChunkEncoding = false,
            }, cancellationToken).ConfigureAwait(false);
            _etags[partNumber] = response.ETag;
        }

        protected override async Task CommitPartsAsync(int partCount, CancellationToken cancellationToken)
        {
            await RefuseOverwrite(cancellationToken).ConfigureAwait(false);
            await store._client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = url.Container,
                Key = url.Key,
                UploadId = _uploadId,
                PartETags = Enumerable.Range(1, partCount).Select(part => new PartETag(part, _etags[part])).ToList(),
                IfNoneMatch = overwrite ? null : "*",
            }, cancellationToken).ConfigureAwait(false);
        }

        protected override async Task UploadWholeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            await RefuseOverwrite(cancellationToken).ConfigureAwait(false);
            using var content = Content(data);
            await store._client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = url.Container,
                Key = url.Key,
                InputStream = content,
                AutoCloseStream = false,
                UseChunkEncoding = false,
                IfNoneMatch = overwrite ? null : "*",
            }, cancellationToken).ConfigureAwait(false);
        }

        protected override async Task DiscardPartsAsync(int partCount)
        {
            if (_uploadId is null) return;
            try
            {
                await store._client.AbortMultipartUploadAsync(url.Container, url.Key, _uploadId).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
            {
                // The store is gone or refuses: the parts were never visible; a bucket lifecycle rule removes them.
            }
        }

        private async Task RefuseOverwrite(CancellationToken cancellationToken)
        {
            if (!overwrite && await store.ExistsAsync(url, cancellationToken).ConfigureAwait(false))
                throw new StorageException(StorageFailure.AlreadyExists, url.ToString(), $"'{url}' already exists.");
        }

        private async Task<string> UploadId(CancellationToken cancellationToken)
        {
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _uploadId ??= (await store._client.InitiateMultipartUploadAsync(
                    new InitiateMultipartUploadRequest { BucketName = url.Container, Key = url.Key }, cancellationToken).ConfigureAwait(false)).UploadId;
                return _uploadId;
            }
            finally
            {
                _starting.Release();
            }
        }
    }
}
