using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Compiled.Analyzers.Tests.Fuzz;

/// <summary>
/// Random and mutated inputs for the fuzz test: YAML documents derived from Kedro's spaceflights catalog and
/// parameters (and generated from scratch), and C# files of random <c>[Node]</c> methods and <c>[Pipeline]</c>
/// classes. Everything comes from the <see cref="Random"/> passed in, so a seed reproduces a case.
/// </summary>
internal static class FuzzInputs
{
    public const string Catalog = """
        # Dataset types: csv, json, text, memory.
        companies:
          type: csv
          filepath: data/01_raw/companies.csv

        reviews:
          type: csv
          filepath: data/01_raw/reviews.csv

        shuttles:
          type: csv
          filepath: ${globals:raw_root}/shuttles.csv

        _json: &json
          type: json

        model_input_table:
          type: csv
          filepath: data/03_primary/model_input_table.csv

        regressor:
          <<: *json
          filepath: data/06_models/regressor.json
          versioned: true

        metrics:
          type: json
          filepath: data/08_reporting/${runtime:run_name,latest}/metrics.json
        """;

    public const string Parameters = """
        # Parameters of the data_science pipeline.
        model_options:
          test_size: 0.2
          random_state: 3
          features:
            - engines
            - passenger_capacity
            - crew
            - d_check_complete
          mode: fast
        report:
          title: "Shuttle prices"
          decimals: 2
          enabled: true
        """;

    public const string Globals = "raw_root: data/01_raw\npaths:\n  models: data/06_models\n";

    /// <summary>A project whose nodes use the sample catalog and parameters: YAML mutations break it in every way.</summary>
    public const string Project = """
        using Compiled;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Fuzz;

        public sealed record CompanyRow(int Id, string Name);
        public sealed record ShuttleRow(int Id, int CompanyId, double Price);
        public sealed record ReviewRow(int ShuttleId, double Rating);
        public sealed record ModelInputRow(int Id, double Price, double Rating);
        public enum Mode { Fast, Thorough }
        public sealed record ModelOptions(double TestSize, int RandomState, string[] Features, Mode Mode = Mode.Fast);
        public sealed class Regressor { public double[] Weights { get; set; } = []; }

        public static class DataProcessing
        {
            [Node(Output = "model_input_table")]
            public static ModelInputRow[] CreateModelInputTable(CompanyRow[] companies, ShuttleRow[] shuttles, ReviewRow[] reviews) => [];
        }

        public static class DataScience
        {
            [Node(Outputs = ["X_train", "X_test", "y_train", "y_test"])]
            public static (double[][], double[][], double[], double[]) SplitData(
                [Input("model_input_table")] ModelInputRow[] data, [Param("model_options")] ModelOptions options) => default;

            [Node(Output = "regressor")]
            public static Regressor TrainModel([Input("X_train")] double[][] x, [Input("y_train")] double[] y) => new();

            [Node(Output = "metrics")]
            public static async ValueTask<System.Collections.Generic.Dictionary<string, double>> EvaluateModel(
                Regressor regressor, [Input("X_test")] double[][] x, [Input("y_test")] double[] y,
                [Param("report.decimals")] int decimals, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return new();
            }
        }

        [Pipeline(typeof(DataProcessing), typeof(DataScience))]
        public sealed partial class DefaultPipeline;

        [Pipeline(typeof(DataScience), Name = "training", Artifacts = ["regressor"])]
        public sealed partial class TrainingPipeline;
        """;

    private static readonly string[] Names =
    [
        "companies", "reviews", "shuttles", "model_input_table", "regressor", "metrics", "X_train", "X_test", "y_train", "y_test",
        "features", "raw", "clean", "model_options", "report", "a", "b", "_json", "type", "filepath", "",
        " ", "a b", "x.y", "名前", "x\"y", "new", "class", "${runtime:x}", "{name}_csv", "123", "@at", "-dash", "tab\tname",
        new string('n', 300),
    ];

    private static readonly string[] Scalars =
    [
        "0", "-1", "3.14", "1e999999", "-1e309", "99999999999999999999999999999", "0x1F", "0o17", ".nan", ".inf", "-.inf",
        "true", "False", "yes", "~", "null", "''", "\"\"", "\"a\\u0000b\"", "'it''s'", "csv", "json", "text", "memory", "cvs",
        "parquet", "sql", "System.String", "Fuzz.Regressor", "data/x.csv", "${runtime:customer}", "${globals:raw_root}",
        "${globals:nope}", "${globals:paths.models}/m.json", "${foo:bar}", "${runtime:}", "${:x}", "${globals:a,", "${", "}",
        "!!str 5", "!!int x", "!custom v", "|\n  block\n  text", ">\n  folded", "2026-11-25", "[1, 2, [3, {a: b}]]", "{}", "[]",
        "{type: csv, filepath: x.csv}", "&anchor value", "*anchor", "*missing", "日本語", "\"\\x41\"",
    ];

    private static readonly string Specials = ":{}[],&*!|>'\"#%@`-?\t\n\r ~$\\.=<\u00a0\u2028\ufeff\0";

    /// <summary>A YAML document: the sample (of the given kind) with 1–6 mutations, or a random one.</summary>
    public static string Yaml(Random random, string sample) => random.Next(10) switch
    {
        0 => RandomYaml(random, 0),
        1 => Mutate(random, RandomYaml(random, 0), random.Next(1, 4)),
        2 => sample,
        _ => Mutate(random, sample, random.Next(1, 7)),
    };

    public static string Mutate(Random random, string text, int count)
    {
        for (var i = 0; i < count; i++) text = MutateOnce(random, text);
        return text;
    }

    private static string MutateOnce(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        var line = lines.Count == 0 ? 0 : random.Next(lines.Count);
        switch (random.Next(20))
        {
            case 0: return text.Length == 0 ? text : text.Remove(at, 1);
            case 1: return text.Length == 0 ? text : text.Insert(at, text[at].ToString());
            case 2: return text.Insert(at, Specials[random.Next(Specials.Length)].ToString());
            case 3:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join("\n", lines);
            case 4:
                var shift = random.Next(-4, 5);
                lines[line] = shift >= 0 ? new string(' ', shift) + lines[line] : lines[line].TrimStart().PadLeft(Math.Max(0, lines[line].Length + shift));
                return string.Join("\n", lines);
            case 5:
                lines[line] = lines[line].Replace("  ", "\t");
                return string.Join("\n", lines);
            case 6: return text.Insert(at, random.Next(4) switch { 0 => "[", 1 => "{", 2 => "\"", _ => "'" });
            case 7:
                var anchor = "a" + random.Next(3);
                lines[line] = lines[line].Contains(':') ? lines[line].Replace(": ", $": &{anchor} ") : lines[line];
                lines.Insert(random.Next(lines.Count + 1), random.Next(3) switch
                {
                    0 => $"alias_{random.Next(100)}: *{anchor}",
                    1 => $"  <<: *{anchor}",
                    _ => $"undefined: *{anchor}_missing",
                });
                return string.Join("\n", lines);
            case 8:
                lines[line] = lines[line].Contains(':') ? lines[line].Substring(0, lines[line].IndexOf(':') + 1) + " " + Scalars[random.Next(Scalars.Length)] : lines[line];
                return string.Join("\n", lines);
            case 9:
                lines.Insert(line, lines[line]); // duplicate keys
                return string.Join("\n", lines);
            case 10: return text.Insert(at, random.Next(3) switch { 0 => "\n---\n", 1 => "\n...\n", _ => "%YAML 1.1\n---\n" });
            case 11: return text.Insert(at, ((char)random.Next(0x20, 0x3000)).ToString());
            case 12: return text.Substring(0, at);
            case 13:
                var depth = random.Next(1, 200);
                var open = random.Next(2) == 0 ? '[' : '{';
                var nested = new string(open, depth) + (random.Next(2) == 0 ? new string(open == '[' ? ']' : '}', depth) : "");
                return text.Insert(at, open == '{' ? nested.Replace("{", "{a: ") : nested);
            case 14:
                lines.Insert(line, $"{Names[random.Next(Names.Length)]}:\n  type: {Scalars[random.Next(Scalars.Length)]}\n  filepath: {Scalars[random.Next(Scalars.Length)]}");
                return string.Join("\n", lines);
            case 15: return "\ufeff" + text.Replace("\n", "\r\n");
            case 16: return text.Insert(at, new string('x', random.Next(1, 5000)));
            case 17:
                lines[line] = lines[line].Replace(":", random.Next(2) == 0 ? "" : "::");
                return string.Join("\n", lines);
            case 18: return text + "\n" + RandomYaml(random, 0);
            default:
                lines[line] = "  " + Names[random.Next(Names.Length)] + ": " + Scalars[random.Next(Scalars.Length)];
                return string.Join("\n", lines);
        }
    }

    /// <summary>A random YAML value at <paramref name="depth"/>: block and flow mappings and sequences of random scalars.</summary>
    public static string RandomYaml(Random random, int depth)
    {
        var builder = new StringBuilder();
        WriteMapping(random, builder, depth, "");
        return builder.ToString();
    }

    private static void WriteMapping(Random random, StringBuilder builder, int depth, string indent)
    {
        var count = random.Next(0, depth == 0 ? 8 : 4);
        for (var i = 0; i < count; i++)
        {
            builder.Append(indent).Append(Key(random)).Append(':');
            WriteValue(random, builder, depth + 1, indent + "  ");
        }
    }

    private static void WriteValue(Random random, StringBuilder builder, int depth, string indent)
    {
        switch (depth > 4 ? 0 : random.Next(5))
        {
            case 0:
            case 1:
                builder.Append(' ').Append(Scalars[random.Next(Scalars.Length)].Replace("\n", "\n" + indent)).Append('\n');
                break;
            case 2:
                builder.Append('\n');
                WriteMapping(random, builder, depth, indent);
                break;
            case 3:
                builder.Append('\n');
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    builder.Append(indent).Append("- ").Append(Scalars[random.Next(Scalars.Length)].Replace("\n", " ")).Append('\n');
                }

                break;
            default:
                builder.Append(" [").Append(string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Scalars[random.Next(Scalars.Length)].Replace("\n", " ")))).Append("]\n");
                break;
        }
    }

    private static string Key(Random random)
    {
        var name = Names[random.Next(Names.Length)];
        return random.Next(6) == 0 || name.Length == 0 || name.IndexOfAny([':', '#', '"', '\t', ' ', '{', '[', '$', '@', '-']) >= 0
            ? "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t") + "\""
            : name;
    }

    private static readonly string[] Types =
    [
        "int", "string", "double", "double[]", "double[][]", "CompanyRow[]", "ShuttleRow[]", "ModelInputRow[]", "Regressor", "ModelOptions",
        "Mode", "bool", "long", "decimal", "float", "int?", "string?", "System.Collections.Generic.List<int>",
        "System.Collections.Generic.IReadOnlyList<string>", "(int, string)", "(CompanyRow[] A, int B)", "object", "dynamic", "T",
        "System.Threading.CancellationToken", "byte[]", "Row[,]", "Undefined", "System.Func<int>", "int*",
    ];

    private static readonly string[] Paths =
    [
        "model_options", "model_options.test_size", "model_options.features", "model_options.mode", "model_options.nope", "report",
        "report.title", "report.decimals", "report.enabled", "missing", "", ".", "a..b", "model_options.test_size.deeper", "x.y.z",
    ];

    /// <summary>A C# file of 1–3 classes of random nodes and 0–3 pipelines over them (and over types that are not node classes).</summary>
    public static string RandomProject(Random random)
    {
        var builder = new StringBuilder();
        builder.AppendLine("using Compiled;\nusing System.Threading;\nusing System.Threading.Tasks;\n");
        builder.AppendLine(random.Next(4) == 0 ? "" : "namespace Fuzz" + random.Next(3) + ";");
        builder.AppendLine("public sealed record CompanyRow(int Id, string Name);\npublic sealed record ShuttleRow(int Id, int CompanyId);");
        builder.AppendLine("public sealed record ModelInputRow(int Id, double Price);\npublic enum Mode { Fast, Thorough }");
        builder.AppendLine("public sealed record ModelOptions(double TestSize, int RandomState, string[] Features, Mode Mode = Mode.Fast);");
        builder.AppendLine("public sealed class Regressor { public double[] Weights { get; set; } = []; }");
        var classes = new List<string>();
        for (var c = random.Next(1, 4); c > 0; c--)
        {
            var name = "Nodes" + random.Next(5);
            classes.Add(name);
            var modifiers = random.Next(8) switch { 0 => "public", 1 => "internal static", 2 => "public static partial", _ => "public static" };
            var generic = random.Next(10) == 0 ? "<T>" : "";
            builder.AppendLine($"{modifiers} class {name}{generic}\n{{");
            for (var m = random.Next(0, 7); m > 0; m--) builder.AppendLine(RandomNode(random));
            if (random.Next(10) == 0) builder.AppendLine("    public static class Inner { [Node(Output = \"inner\")] public static int Make() => 1; }");
            builder.AppendLine("}");
        }

        for (var p = random.Next(0, 4); p > 0; p--)
        {
            var types = Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(8) switch
            {
                0 => "typeof(int)",
                1 => "typeof(System.Collections.Generic.List<>)",
                2 => "typeof(Missing)",
                _ => $"typeof({classes[random.Next(classes.Count)]})",
            });
            var named = new List<string>();
            if (random.Next(3) == 0) named.Add("Name = " + Literal(random));
            if (random.Next(3) == 0) named.Add("Inputs = [" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Literal(random))) + "]");
            if (random.Next(3) == 0) named.Add("Artifacts = [" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Literal(random))) + "]");
            var partial = random.Next(8) == 0 ? "" : "partial ";
            var isStatic = random.Next(12) == 0 ? "static " : "sealed ";
            builder.AppendLine($"[Pipeline({string.Join(", ", types.Concat(named))})]\npublic {isStatic}{partial}class {(random.Next(5) == 0 ? "Default" : "P" + random.Next(4))}Pipeline;");
        }

        return builder.ToString();
    }

    private static string RandomNode(Random random)
    {
        var named = new List<string>();
        var outputs = random.Next(6) switch
        {
            0 => 0,
            1 => 2,
            2 => random.Next(0, 5),
            _ => 1,
        };
        if (random.Next(5) == 0) named.Add("Name = " + Literal(random));
        if (outputs == 1 && random.Next(6) != 0) named.Add("Output = " + Literal(random));
        else if (outputs > 0 || random.Next(6) == 0) named.Add("Outputs = [" + string.Join(", ", Enumerable.Range(0, outputs).Select(_ => Literal(random))) + "]");
        if (random.Next(5) == 0) named.Add("Tags = [" + Literal(random) + "]");
        if (random.Next(12) == 0) named.Add("Output = null");

        var returnType = random.Next(8) switch
        {
            0 => "void",
            1 => "Task",
            2 => $"Task<{Types[random.Next(Types.Length)]}>",
            3 => $"ValueTask<{Types[random.Next(Types.Length)]}>",
            4 => "(" + string.Join(", ", Enumerable.Range(0, random.Next(2, 5)).Select(_ => Types[random.Next(Types.Length)])) + ")",
            _ => Types[random.Next(Types.Length)],
        };
        var modifiers = random.Next(10) switch { 0 => "public", 1 => "private static", 2 => "internal static", 3 => "public static async", _ => "public static" };
        var generic = random.Next(12) == 0 ? "<T>" : "";
        var parameters = new List<string>();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var attribute = random.Next(5) switch
            {
                0 => $"[Input({Literal(random)})] ",
                1 => $"[Param({SymbolDisplay.FormatLiteral(Paths[random.Next(Paths.Length)], quote: true)})] ",
                2 => "[Input(null!)] ",
                _ => "",
            };
            var refKind = random.Next(15) switch { 0 => "ref ", 1 => "out ", 2 => "in ", 3 => "params ", _ => "" };
            var name = random.Next(6) switch
            {
                0 => "@class",
                1 => "companies",
                2 => "xTrain",
                3 => "model_input_table",
                _ => "p" + random.Next(10),
            };
            parameters.Add($"{attribute}{refKind}{Types[random.Next(Types.Length)]} {name}");
        }

        var body = modifiers.Contains("async") && random.Next(2) == 0 ? "{ await Task.Yield(); throw null!; }" : "=> throw null!;";
        return $"    [Node({string.Join(", ", named)})]\n    {modifiers} {returnType} M{random.Next(8)}{generic}({string.Join(", ", parameters)}) {body}";
    }

    private static string Literal(Random random) => SymbolDisplay.FormatLiteral(Names[random.Next(Names.Length)], quote: true);
}
