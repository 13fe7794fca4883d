using System.Data.Common;

namespace Compiled.Config;

/// <summary>
/// Resolves the <c>${runtime:name}</c> values of one catalog entry for one run, treating every value a caller
/// gives as untrusted. What a value may become depends on where the entry writes it:
/// <list type="bullet">
/// <item><c>parameters</c> (a <c>sql</c> entry's bound query parameters): anything: the value is data, bound as a
/// <see cref="DbParameter"/>, never written into SQL text.</item>
/// <item><c>query</c> / <c>sql</c>: never. SQL text takes no runtime value; the entry must bind it through <c>parameters</c>.</item>
/// <item><c>table_name</c>: only a name the entry lists in <c>allowed_tables</c>.</item>
/// <item><c>connection_string</c>: one path segment (see below), written into its keyword's value through a
/// <see cref="DbConnectionStringBuilder"/>, so that it can neither add nor replace a keyword.</item>
/// <item>every other key (<c>filepath</c>, <c>path</c>, <c>load_args.sheet_name</c>, …): exactly one path segment:
/// not empty, not <c>.</c> or <c>..</c>, no <c>/</c>, <c>\</c> or <c>:</c>, none of <c>*?"&lt;&gt;|</c>, no control
/// character, at most 200 bytes in UTF-8, no leading or trailing white space. A path that takes a runtime value must also
/// resolve under the directory its text names before the first runtime value.</item>
/// </list>
/// Defaults written in the YAML (<c>${runtime:name,default}</c>) are configuration and are not checked.
/// A refusal is a <see cref="RuntimeValueException"/> naming the dataset and the value, never repeating the value.
/// </summary>
internal static class RuntimeValueResolver
{
    private const string Resolver = "runtime";
    private const string Marker = "${" + Resolver + ":";
    /// <summary>Leaves room, under the 255-byte file-name limit of Linux file systems, for the suffixes an entry and a temporary file add.</summary>
    private const int MaxSegmentBytes = 200;

    /// <summary>The entry of <paramref name="config"/> with its runtime values resolved from <paramref name="values"/>.</summary>
    /// <exception cref="RuntimeValueException">A given value breaks the rule of the key it is written in.</exception>
    /// <exception cref="DatasetException">The entry writes a runtime value where none may go, or a value it needs was not given.</exception>
    public static ConfigMapping Resolve(DatasetConfig config, (string Name, string? Value)[] values)
    {
        var entries = new List<KeyValuePair<string, ConfigNode>>(config.Entry.Keys.Count);
        foreach (var (key, node) in config.Entry.Entries)
        {
            entries.Add(new(key, RuntimeValuePlacement.Of(key) switch
            {
                RuntimeValuePlace.BoundParameter => ResolveNode(node, name => Lookup(values, name)),
                RuntimeValuePlace.Never => RefuseRuntime(config, key, node),
                RuntimeValuePlace.AllowedTable => ResolveTableName(config, node, values),
                RuntimeValuePlace.ConnectionString => ResolveConnectionString(config, node, values),
                _ when key is "filepath" or "path" => ResolvePath(config, key, node, values),
                _ => ResolveNode(node, name => Segment(config, key, name, Lookup(values, name))),
            }));
        }

        return new ConfigMapping(entries, config.Entry.Location);
    }

    /// <summary>Whether <paramref name="text"/> writes a runtime value.</summary>
    public static bool UsesRuntime(string? text) => text?.Contains(Marker, StringComparison.Ordinal) == true;

    private static string? Lookup((string Name, string? Value)[] values, string name)
    {
        foreach (var (key, value) in values)
        {
            if (key == name) return value;
        }

        return null;
    }

    private static ConfigNode ResolveNode(ConfigNode node, Func<string, string?> lookup) =>
        Interpolation.ResolveAll(node, Resolver, lookup);

    private static ConfigNode RefuseRuntime(DatasetConfig config, string key, ConfigNode node)
    {
        if (FirstRuntimeScalar(node) is not { } scalar) return node;
        throw config.Error($"writes a runtime value into '{key}': {RuntimeValuePlacement.Refusal(key, hasAllowedTables: false)}", scalar.Location);
    }

    private static ConfigNode ResolveTableName(DatasetConfig config, ConfigNode node, (string Name, string? Value)[] values)
    {
        if (node is not ConfigScalar { Value: { } template } scalar || !UsesRuntime(template)) return node;
        var allowed = AllowedTables(config);
        string? valueName = null;
        var table = Interpolation.Resolve(template, Resolver, name =>
        {
            valueName ??= name;
            return Lookup(values, name);
        }, scalar.Location)!;
        if (!allowed.Contains(table, StringComparer.Ordinal))
        {
            throw Refused(config, valueName!, scalar.Location,
                $"names a table that 'allowed_tables' does not list (it lists: {string.Join(", ", allowed)}); pass one of those");
        }

        return new ConfigScalar(table, scalar.Location);
    }

    private static string[] AllowedTables(DatasetConfig config)
    {
        var location = config.Entry["table_name"]!.Location;
        return config.Entry[RuntimeValuePlacement.AllowedTablesKey] switch
        {
            null => throw config.Error(
                $"takes its 'table_name' from a runtime value but has no 'allowed_tables': {RuntimeValuePlacement.Refusal("table_name", hasAllowedTables: false)}", location),
            ConfigSequence { Items.Count: > 0 } sequence => sequence.Items.Select(item => item is ConfigScalar { Value: { Length: > 0 } name }
                ? name
                : throw config.Error("'allowed_tables' must list table names", item.Location)).ToArray(),
            var other => throw config.Error("'allowed_tables' must be a non-empty list of table names", other.Location),
        };
    }

    private static ConfigNode ResolvePath(DatasetConfig config, string key, ConfigNode node, (string Name, string? Value)[] values)
    {
        if (node is not ConfigScalar { Value: { } template } scalar || !UsesRuntime(template)) return node;
        var path = Interpolation.Resolve(template, Resolver, name => Segment(config, key, name, Lookup(values, name)), scalar.Location)!;
        if (!template.Contains("://", StringComparison.Ordinal))
        {
            // The segments cannot climb; this guards against a template that climbs after the runtime value (…/${runtime:x}/../..).
            var prefix = template[..template.IndexOf(Marker, StringComparison.Ordinal)];
            var root = Absolute(config, prefix[..(prefix.LastIndexOfAny(['/', '\\']) + 1)]);
            var full = Absolute(config, path);
            var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
            if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            {
                throw config.Error($"'{key}' leaves the directory '{prefix}' once its runtime values are written in: " +
                                   "keep every '..' before the first runtime value", scalar.Location);
            }
        }

        return new ConfigScalar(path, scalar.Location);
    }

    private static string Absolute(DatasetConfig config, string path) =>
        Path.GetFullPath(path.Length == 0 ? config.ProjectPath : Path.IsPathRooted(path) ? path : Path.Combine(config.ProjectPath, path));

    private static ConfigNode ResolveConnectionString(DatasetConfig config, ConfigNode node, (string Name, string? Value)[] values)
    {
        if (node is not ConfigScalar { Value: { } template } scalar || !UsesRuntime(template)) return node;

        // Parse the template with each interpolation replaced by a token that parses as plain text, then write each
        // keyword's value back through the builder, which quotes what needs quoting: a value cannot end its keyword.
        var token = "compiledruntime" + Guid.NewGuid().ToString("N");
        var interpolations = new List<string>();
        var tokenized = Interpolation.Resolve(template, Resolver, name =>
        {
            interpolations.Add(name);
            return token + (interpolations.Count - 1) + "x";
        }, scalar.Location)!;
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = tokenized;
        }
        catch (ArgumentException)
        {
            throw config.Error("has a malformed 'connection_string'", scalar.Location);
        }

        foreach (var keyword in builder.Keys.Cast<string>().ToArray())
        {
            if (keyword.Contains(token, StringComparison.Ordinal))
                throw config.Error("writes a runtime value into a 'connection_string' keyword: runtime values may only be keyword values", scalar.Location);
            var value = builder[keyword] as string;
            if (value is null || !value.Contains(token, StringComparison.Ordinal)) continue;
            for (var i = 0; i < interpolations.Count; i++)
            {
                var name = interpolations[i];
                var marker = token + i + "x";
                if (value.Contains(marker, StringComparison.Ordinal))
                {
                    value = value.Replace(marker, Segment(config, "connection_string", name, Lookup(values, name)) ?? "", StringComparison.Ordinal);
                }
            }

            builder[keyword] = value;
        }

        return new ConfigScalar(builder.ConnectionString, scalar.Location);
    }

    /// <summary>Checks that a given runtime value is exactly one path segment; null (not given) passes through.</summary>
    private static string? Segment(DatasetConfig config, string key, string name, string? value)
    {
        if (value is null) return null;
        var problem = SegmentProblem(value);
        if (problem is null) return value;
        throw Refused(config, name, config.Entry[key]?.Location ?? config.Location,
            $"is written into '{key}', where it must be exactly one path segment, but it {problem}");
    }

    /// <summary>Why <paramref name="value"/> is not a single, portable path segment; null when it is one.</summary>
    internal static string? SegmentProblem(string value)
    {
        if (value.Length == 0) return "is empty";
        if (value is "." or "..") return "is '.' or '..'";
        if (System.Text.Encoding.UTF8.GetByteCount(value) > MaxSegmentBytes) return $"is longer than {MaxSegmentBytes} bytes (UTF-8)";
        if (value.Trim().Length != value.Length) return "starts or ends with white space";
        foreach (var c in value)
        {
            if (c is '/' or '\\') return "contains a path separator ('/' or '\\')";
            if (c is ':' or '*' or '?' or '"' or '<' or '>' or '|') return "contains a character not allowed in file names (: * ? \" < > |)";
            if (char.IsControl(c)) return "contains a control character";
        }

        return null;
    }

    private static RuntimeValueException Refused(DatasetConfig config, string name, ConfigLocation location, string problem) =>
        new(config.Name, name,
            $"Dataset '{config.Name}' ({location}): the runtime value '{name}' {problem}. " +
            "Runtime values come from callers (Run arguments, route values, --runtime) and are refused rather than trusted.");

    private static ConfigScalar? FirstRuntimeScalar(ConfigNode node) => node switch
    {
        ConfigScalar scalar => UsesRuntime(scalar.Value) ? scalar : null,
        ConfigMapping mapping => mapping.Entries.Select(e => FirstRuntimeScalar(e.Value)).FirstOrDefault(s => s is not null),
        ConfigSequence sequence => sequence.Items.Select(FirstRuntimeScalar).FirstOrDefault(s => s is not null),
        _ => null,
    };
}
