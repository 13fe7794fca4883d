using Compiled.Storage;
using System.Text;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// A text file read and written whole as one string: Kedro's <c>text.TextDataset</c>, and the
/// catalog type <c>text</c>. UTF-8 (without a byte order mark) unless <c>load_args</c> /
/// <c>save_args</c> name another <c>encoding</c>; a byte order mark in the file wins on load.
/// Saves are atomic.
/// </summary>
public sealed class TextDataset : FileDataset<string>, IConfiguredDataset<TextDataset>
{
    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="encoding">The encoding to read and write; UTF-8 without a byte order mark when null.</param>
    public TextDataset(string name, FileLocation filePath, Encoding? encoding = null)
        : this(name, filePath, encoding ?? DatasetArgs.Utf8, encoding ?? DatasetArgs.Utf8)
    {
    }

    /// <summary>Creates the dataset with different encodings for reading and writing.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file (the directory of the versions when versioned); a string is a local path, resolved against the current directory; see <see cref="FileLocation"/> for object stores.</param>
    /// <param name="loadEncoding">The encoding to read with.</param>
    /// <param name="saveEncoding">The encoding to write with.</param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded.</param>
    public TextDataset(string name, FileLocation filePath, Encoding loadEncoding, Encoding saveEncoding, DatasetVersioning? versioning = null)
        : base(name, filePath, versioning)
    {
        ArgumentNullException.ThrowIfNull(loadEncoding);
        ArgumentNullException.ThrowIfNull(saveEncoding);
        LoadEncoding = loadEncoding;
        SaveEncoding = saveEncoding;
    }

    /// <summary>The encoding the file is read with.</summary>
    public Encoding LoadEncoding { get; }

    /// <summary>The encoding the file is written with.</summary>
    public Encoding SaveEncoding { get; }

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project),
    /// optional <c>load_args: { encoding: … }</c>, <c>save_args: { encoding: … }</c>, <c>versioned</c> and <c>load_version</c>.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has an unsupported key.</exception>
    public static TextDataset FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetFileLocation("filepath");
        var loadArgs = config.GetMapping("load_args");
        var saveArgs = config.GetMapping("save_args");
        DatasetArgs.CheckKeys(config, "load_args", loadArgs, "encoding");
        DatasetArgs.CheckKeys(config, "save_args", saveArgs, "encoding");
        return new TextDataset(config.Name, path,
            DatasetArgs.GetEncoding(config, "load_args", loadArgs) ?? DatasetArgs.Utf8,
            DatasetArgs.GetEncoding(config, "save_args", saveArgs) ?? DatasetArgs.Utf8,
            DatasetVersioning.FromConfig(config));
    }

    /// <inheritdoc />
    protected override string Read(Stream stream, string path)
    {
        using var reader = new StreamReader(stream, LoadEncoding, detectEncodingFromByteOrderMarks: true, DatasetFile.BufferSize, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <inheritdoc />
    protected override async ValueTask<string> ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, LoadEncoding, detectEncodingFromByteOrderMarks: true, DatasetFile.BufferSize, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Write(Stream stream, string data, string path)
    {
        using var writer = new StreamWriter(stream, SaveEncoding, DatasetFile.BufferSize, leaveOpen: true);
        writer.Write(data);
    }

    /// <inheritdoc />
    protected override async ValueTask WriteAsync(Stream stream, string data, string path, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, SaveEncoding, DatasetFile.BufferSize, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(data.AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>Reads and writes front to back: streams straight from and to object stores.</remarks>
    protected override bool NeedsSeekableStream => false;

    /// <inheritdoc />
    public override string ToString() => $"TextDataset '{Name}' ({FilePath})";
}
