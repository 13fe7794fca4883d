using Compiled;

namespace BrokenNodes;

public sealed record Company(int Id, string Name, double Rating);

public sealed record Summary(int Count, double AverageRating);

/// <summary>Every error here is deliberate: see ../README.md.</summary>
public static class Processing
{
    // CPL0001: 'companeis' is misspelled; CPL0002: 'cleaning.min_ratng' too.
    [Node(Output = "clean_companies")]
    public static Company[] Clean(
        [Input("companeis")] Company[] companies,
        [Param("cleaning.min_ratng")] double minRating) => companies.Where(c => c.Rating >= minRating).ToArray();

    // CPL0008: two outputs declared, one value returned.
    [Node(Outputs = ["summary", "count"])]
    public static Summary Summarize(Company[] cleanCompanies) =>
        new(cleanCompanies.Length, cleanCompanies.Select(c => c.Rating).DefaultIfEmpty().Average());
}

[Pipeline(typeof(Processing))]
public sealed partial class DefaultPipeline;
