using System.Text;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// A text file read and written whole as one string: Kedro's <c>text.TextDataset</c>, and the
/// catalog type <c>text</c>. UTF-8 (without a byte order mark) unless <c>load_args</c> /
/// <c>save_args</c> name another <c>encoding</c>; a byte order mark in the file wins on load.
/// Saves are atomic.
/// </summary>
public sealed class TextDataset : IDataset<string>
{
    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a relative path is resolved against the current directory.</param>
    /// <param name="encoding">The encoding to read and write; UTF-8 without a byte order mark when null.</param>
    public TextDataset(string name, string filePath, Encoding? encoding = null)
        : this(name, filePath, encoding ?? DatasetArgs.Utf8, encoding ?? DatasetArgs.Utf8)
    {
    }

    /// <summary>Creates the dataset with different encodings for reading and writing.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">The file; a relative path is resolved against the current directory.</param>
    /// <param name="loadEncoding">The encoding to read with.</param>
    /// <param name="saveEncoding">The encoding to write with.</param>
    public TextDataset(string name, string filePath, Encoding loadEncoding, Encoding saveEncoding)
    {
        FilePath = DatasetFile.FullPath(name, filePath);
        ArgumentNullException.ThrowIfNull(loadEncoding);
        ArgumentNullException.ThrowIfNull(saveEncoding);
        Name = name;
        LoadEncoding = loadEncoding;
        SaveEncoding = saveEncoding;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The absolute path of the file.</summary>
    public string FilePath { get; }

    /// <summary>The encoding the file is read with.</summary>
    public Encoding LoadEncoding { get; }

    /// <summary>The encoding the file is written with.</summary>
    public Encoding SaveEncoding { get; }

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>filepath</c> (required, relative to the project),
    /// optional <c>load_args: { encoding: … }</c> and <c>save_args: { encoding: … }</c>.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or has an unsupported key.</exception>
    public static TextDataset FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = config.GetRequiredPath("filepath");
        var loadArgs = config.GetMapping("load_args");
        var saveArgs = config.GetMapping("save_args");
        DatasetArgs.CheckKeys(config, "load_args", loadArgs, "encoding");
        DatasetArgs.CheckKeys(config, "save_args", saveArgs, "encoding");
        return new TextDataset(config.Name, path,
            DatasetArgs.GetEncoding(config, "load_args", loadArgs) ?? DatasetArgs.Utf8,
            DatasetArgs.GetEncoding(config, "save_args", saveArgs) ?? DatasetArgs.Utf8);
    }

    /// <summary>Reads the whole file.</summary>
    /// <exception cref="DatasetException">The file does not exist or cannot be read.</exception>
    public string Load() => DatasetFile.Read(Name, FilePath, stream =>
    {
        using var reader = new StreamReader(stream, LoadEncoding, detectEncodingFromByteOrderMarks: true, DatasetFile.BufferSize, leaveOpen: true);
        return reader.ReadToEnd();
    });

    /// <summary>Reads the whole file asynchronously.</summary>
    /// <exception cref="DatasetException">The file does not exist or cannot be read.</exception>
    public ValueTask<string> LoadAsync(CancellationToken cancellationToken = default) =>
        DatasetFile.ReadAsync(Name, FilePath, async (stream, ct) =>
        {
            using var reader = new StreamReader(stream, LoadEncoding, detectEncodingFromByteOrderMarks: true, DatasetFile.BufferSize, leaveOpen: true);
            return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Replaces the file with <paramref name="data"/>, atomically.</summary>
    /// <exception cref="DatasetException"><paramref name="data"/> is null or the file cannot be written.</exception>
    public void Save(string data)
    {
        if (data is null) throw DatasetErrors.NullSave(Name, FilePath);
        DatasetFile.Write(Name, FilePath, stream =>
        {
            using var writer = new StreamWriter(stream, SaveEncoding, DatasetFile.BufferSize, leaveOpen: true);
            writer.Write(data);
        });
    }

    /// <summary>Replaces the file with <paramref name="data"/>, atomically and asynchronously.</summary>
    /// <exception cref="DatasetException"><paramref name="data"/> is null or the file cannot be written.</exception>
    public ValueTask SaveAsync(string data, CancellationToken cancellationToken = default)
    {
        if (data is null) throw DatasetErrors.NullSave(Name, FilePath);
        return DatasetFile.WriteAsync(Name, FilePath, async (stream, ct) =>
        {
            var writer = new StreamWriter(stream, SaveEncoding, DatasetFile.BufferSize, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(data.AsMemory(), ct).ConfigureAwait(false);
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Whether the file exists.</summary>
    public bool Exists() => File.Exists(FilePath);

    /// <inheritdoc />
    public override string ToString() => $"TextDataset '{Name}' ({FilePath})";
}
