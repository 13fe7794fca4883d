using Compiled.Storage;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// A file read and written whole as bytes: the catalog type <c>binary</c> (Kedro's
/// <c>pickle.PickleDataset</c> slot, without pickle: the node serializes its object itself, or a
/// custom dataset derived from <see cref="FileDataset{T}"/> does). Saves are atomic; versioning as for
/// every file dataset.
/// </summary>
public sealed class BinaryDataset : FileDataset<byte[]>, IConfiguredDataset<BinaryDataset>
{
    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file (the directory of the versions when versioned); a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded.</param>
    public BinaryDataset(string name, FileLocation filePath, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
    }

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project),
    /// optional <c>versioned</c> and <c>load_version</c>. It takes no <c>load_args</c> / <c>save_args</c>.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has an unsupported key.</exception>
    public static BinaryDataset FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetFileLocation("filepath");
        DatasetArgs.CheckKeys(config, "load_args", config.GetMapping("load_args"));
        DatasetArgs.CheckKeys(config, "save_args", config.GetMapping("save_args"));
        return new BinaryDataset(config.Name, path, DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    protected override byte[] Read(Stream stream, string path)
    {
        if (!stream.CanSeek)
        {
            // An object store's download: its length is known only to the store.
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        var length = stream.Length;
        if (length > Array.MaxLength) throw new DatasetException(Name, $"Dataset '{Name}' ({path}): the file is too large ({length} bytes) for a byte array.");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <inheritdoc />
    protected override async ValueTask<byte[]> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        var length = stream.Length;
        if (length > Array.MaxLength) throw new DatasetException(Name, $"Dataset '{Name}' ({path}): the file is too large ({length} bytes) for a byte array.");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, byte[] data, string path) => stream.Write(data);

    /// <inheritdoc />
    protected override ValueTask WriteAsync(Stream stream, byte[] data, string path, CancellationToken cancellationToken) =>
        stream.WriteAsync(data, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Reads and writes front to back: streams straight from and to object stores.</remarks>
    protected override bool NeedsSeekableStream => false;

    /// <inheritdoc />
    public override string ToString() => $"BinaryDataset '{Name}' ({FilePath})";
}
