namespace Compiled.Config;

/// <summary>Where a configuration value was written: file path and 1-based line and column.</summary>
public readonly record struct ConfigLocation(string FilePath, int Line, int Column)
{
    /// <summary>A location for values that did not come from a file (code, environment variables).</summary>
    public static ConfigLocation None { get; } = new("<none>", 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{FilePath}:{Line}:{Column}" : FilePath;
}
