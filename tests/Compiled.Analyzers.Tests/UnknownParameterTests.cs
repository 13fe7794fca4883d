using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0002: a [Param] path that the parameters YAML does not define.</summary>
public sealed class UnknownParameterTests
{
    private const string RawCatalog = "raw:\n  type: json\n  filepath: data/raw.json\n";

    private static string Node(string param) => $$"""
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "top")]
            public static int[] Top(int[] raw, [Param({{param}})] int limit) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    [Fact]
    public Task Misspelled_path_is_reported_on_the_param_argument_with_a_suggestion() => AnalyzerAsync(
        Node("""{|#0:"options.limt"|}"""),
        [(Catalog, RawCatalog), (Parameters, "options:\n  limit: 3\n")],
        [Diagnostic("CPL0002").WithLocation(0).WithArguments("top", "options.limt", "did you mean 'options.limit'?")]);

    [Fact]
    public Task Path_with_no_parameters_file_says_where_to_add_it() => AnalyzerAsync(
        Node("""{|#0:"limit"|}"""),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0002").WithLocation(0).WithArguments("top", "limit", "add it to conf/base/parameters.yml")]);

    [Fact]
    public Task Path_missing_under_a_mapping_bound_to_a_CSharp_type_names_the_type() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Options(int Limit);

        public static class Nodes
        {
            [Node(Output = "top")]
            public static int[] Top(int[] raw, [Param("options")] Options options, [Param({|#0:"options.depth"|})] int depth) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, RawCatalog), (Parameters, "options:\n  limit: 3\n")],
        [Diagnostic("CPL0002").WithLocation(0).WithArguments("top", "options.depth", "'Demo.Options' has no member for 'depth'")]);

    [Fact]
    public Task A_misspelt_member_of_a_bound_record_names_the_type_as_written_and_the_closest_path() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Options(int Limit);

        public static class Nodes
        {
            [Node(Output = "top")]
            public static int[] Top(int[] raw, [Param("options")] Options options, [Param({|#0:"options.limt"|})] int limit) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, RawCatalog), (Parameters, "options:\n  limit: 3\n")],
        [Diagnostic("CPL0002").WithLocation(0).WithArguments("top", "options.limt", "'Demo.Options' has no member for 'limt'; did you mean 'options.limit'?")]);

    [Fact]
    public Task Defined_paths_are_not_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Options(int Limit, string Mode);

        public static class Nodes
        {
            [Node(Output = "top")]
            public static int[] Top(int[] raw, [Param("options.limit")] int limit, [Param("model")] Options model) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, RawCatalog), (Parameters, "options:\n  limit: 3\nmodel:\n  limit: 5\n  mode: fast\n"));
}
