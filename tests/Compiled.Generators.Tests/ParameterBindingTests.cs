using Compiled.Generators.Model;
using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// [Param] binds parameters YAML into the C# type the node asks for, at compile time: each shape
/// here must produce a parameters record that compiles, with the YAML values in its <c>Default</c>.
/// </summary>
public sealed class ParameterBindingTests
{
    public static TheoryData<string, string, string, string> Shapes() => new()
    {
        // name, C# types, node parameter, parameters YAML, expected text in Default
        {
            "class with a constructor and get-only properties",
            "public sealed class Options { public Options(double rate, string mode) { Rate = rate; Mode = mode; } public double Rate { get; } public string Mode { get; } }\n" +
            "public static class Nodes { [Node(Output = \"out\")] public static double Use([Param(\"options\")] Options options) => options.Rate; }",
            "options:\n  rate: 0.5\n  mode: fast\n",
            "new global::Shapes.Options(rate: 0.5, mode: \"fast\")"
        },
        {
            "class with settable properties",
            "public sealed class Options { public double Rate { get; set; } public int Depth { get; init; } }\n" +
            "public static class Nodes { [Node(Output = \"out\")] public static double Use([Param(\"options\")] Options options) => options.Rate; }",
            "options:\n  rate: 0.5\n  depth: 3\n",
            "Rate = 0.5"
        },
        {
            "record struct, enum, list and nullable members",
            "public enum Mode { Fast, Slow }\n" +
            "public readonly record struct Options(Mode Mode, System.Collections.Generic.List<int> Sizes, double? Limit, decimal Price);\n" +
            "public static class Nodes { [Node(Output = \"out\")] public static int Use([Param(\"options\")] Options options) => options.Sizes.Count; }",
            "options:\n  mode: slow\n  sizes: [1, 2, 3]\n  limit: null\n  price: 9.99\n",
            "global::Shapes.Mode.Slow"
        },
        {
            "dotted scalars and an array of records",
            "public sealed record Stage(string Name, int Weight);\n" +
            "public static class Nodes { [Node(Output = \"out\")] public static int Use([Param(\"plan.depth\")] long depth, [Param(\"plan.stages\")] Stage[] stages) => stages.Length; }",
            "plan:\n  depth: 12\n  stages:\n    - name: a\n      weight: 1\n    - name: b\n      weight: 2\n",
            "new global::Shapes.Stage(Name: \"b\", Weight: 2)"
        },
        {
            "float infinity (was the invalid literal Infinityf)",
            "public static class Nodes { [Node(Output = \"out\")] public static float Use([Param(\"limit\")] float limit) => limit; }",
            "limit: .inf\n",
            "Limit: float.PositiveInfinity"
        },
    };

    /// <summary>
    /// One path bound by two nodes as types that differ only in top-level nullability is one binding, of the type that
    /// does not admit null (every node accepts it: <c>int</c> passes as <c>int?</c>, <c>string</c> as <c>string?</c>), in
    /// either order; as types that differ inside (<c>List&lt;int?&gt;</c> and <c>List&lt;int&gt;</c>), two: CPL0003 at the
    /// second node. Either way no C# error or warning in generated code.
    /// </summary>
    [Theory]
    [InlineData("string? label", "string label", false)]
    [InlineData("string label", "string? label", false)]
    [InlineData("int? limit", "int limit", false)]
    [InlineData("int limit", "int? limit", false)]
    [InlineData("System.Collections.Generic.List<int?> sizes", "System.Collections.Generic.List<int> sizes", true)]
    public void OnePathBoundAsTwoTypes_IsCpl0003_UnlessTheyDifferOnlyInNullableAnnotations(string first, string second, bool mismatch)
    {
        var name = first.Split(' ')[1];
        var project = TestProject.Create("Shapes")
            .WithSource("Nodes.cs", "#nullable enable\nusing Compiled;\n\nnamespace Shapes;\n\n" +
                $"public static class Nodes\n{{\n    [Node(Output = \"a\")] public static int A([Param(\"{name}\")] {first}) => 1;\n" +
                $"    [Node(Output = \"b\")] public static int B([Param(\"{name}\")] {second}) => 2;\n}}\n" +
                "[Pipeline(typeof(Nodes))] public sealed partial class ShapePipeline;\n")
            .WithConfig("conf/base/parameters.yml", name switch { "label" => "label: x\n", "limit" => "limit: 3\n", _ => "sizes: [1, 2]\n" });

        var run = GeneratorHarness.Run(project);

        var errors = run.Project.Diagnostics.Where(d => d.Id == DiagnosticIds.TypeMismatch).ToList();
        Assert.Equal(mismatch ? 1 : 0, errors.Count);
        if (mismatch) Assert.Contains($"parameter '{name}' is bound to", string.Join(" | ", errors[0].Arguments), StringComparison.Ordinal);
        run.AssertCompiles();
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ParameterRecordCompiles_WithTheYamlValues(string name, string types, string yaml, string expected)
    {
        var project = TestProject.Create("Shapes")
            .WithSource("Nodes.cs", "using Compiled;\n\nnamespace Shapes;\n\n" + types + "\n[Pipeline(typeof(Nodes))] public sealed partial class ShapePipeline;\n")
            .WithConfig("conf/base/parameters.yml", yaml);

        var run = GeneratorHarness.Run(project);

        Assert.True(!run.Project.Diagnostics.Any(d => d.Id != DiagnosticIds.Unused),
            $"{name}: {string.Join("; ", run.Project.Diagnostics.Select(d => d.Id + " " + string.Join(" | ", d.Arguments)))}");
        run.AssertCompiles();
        Assert.Contains(expected, run.Source("ShapesParameters.g.cs"), StringComparison.Ordinal);
    }
}
