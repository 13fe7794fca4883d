using Compiled;

namespace BrokenCatalog;

public sealed record Company(int Id, string Name);

public sealed record Shuttle(int Id, int CompanyId);

/// <summary>Correct C#: the only error of this project is in conf/base/catalog.yml (see ../README.md).</summary>
public static class Processing
{
    [Node(Output = "fleet_sizes")]
    public static int[] FleetSizes(Company[] companies, Shuttle[] shuttles) =>
        companies.Select(c => shuttles.Count(s => s.CompanyId == c.Id)).ToArray();
}

[Pipeline(typeof(Processing))]
public sealed partial class DefaultPipeline;
