namespace Compiled.Datasets;

/// <summary>The messages of the built-in datasets' errors: each names the dataset, its file and what to do.</summary>
internal static class DatasetErrors
{
    /// <summary>The file to load does not exist.</summary>
    public static DatasetException FileNotFound(string name, string path, Exception? inner = null) =>
        new(name, $"Dataset '{name}' ({path}): file not found. Run the node that produces '{name}' first, " +
                  $"or check the 'filepath' of '{name}' in the catalog.", inner);

    /// <summary>The file exists but could not be opened or read.</summary>
    public static DatasetException LoadFailed(string name, string path, Exception inner) =>
        new(name, $"Dataset '{name}' ({path}): could not load: {Sentence(inner.Message)}", inner);

    /// <summary>The data could not be written; the previous file is intact.</summary>
    public static DatasetException SaveFailed(string name, string path, Exception inner) =>
        new(name, $"Dataset '{name}' ({path}): could not save: {Sentence(inner.Message)} The previous file, if any, was left unchanged.", inner);

    /// <summary>A null value was given to a dataset that writes a file.</summary>
    public static DatasetException NullSave(string name, string path) =>
        new(name, $"Dataset '{name}' ({path}): cannot save null. Make the node that produces '{name}' return a value.");

    /// <summary>The first line of an exception message (some libraries append pages of state to it).</summary>
    public static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? message : message[..end]).Trim();
    }

    /// <summary>The first line of a message, ending with a full stop.</summary>
    public static string Sentence(string message)
    {
        var line = FirstLine(message);
        return line.Length == 0 || line[^1] is '.' or '!' or '?' ? line : line + ".";
    }

    /// <summary>A type's C# name: <c>List&lt;Int32&gt;</c> rather than <c>List`1</c>.</summary>
    public static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return TypeName(underlying) + "?";
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}
