using Compiled;

namespace BrokenCatalog;

public sealed record Company(int Id, string Name);

public sealed record Shuttle(int Id, int CompanyId);

/// <summary>Correct C#: the only error of this project is in conf/base/catalog.yml (see ../README.md), in the entry the code below uses.</summary>
public static class Processing
{
    [Node(Output = "fleet_sizes")]
    public static int[] FleetSizes(Company[] companies, Shuttle[] shuttles) =>
        companies.Select(c => shuttles.Count(s => s.CompanyId == c.Id)).ToArray();
}

[Pipeline(typeof(Processing))]
public sealed partial class DefaultPipeline;

/// <summary>Code that uses the catalog entries and the pipeline: it must compile, so only the CPL0006 shows.</summary>
public static class Caller
{
    public static Shuttle[] Shuttles(BrokenCatalogSession session) => session.Catalog.Shuttles.Load();

    public static int[] FleetSizes(BrokenCatalogSession session) =>
        session.Default.Run(inputs: new DefaultPipeline.Inputs { Companies = session.Catalog.Companies.Load(), Shuttles = [] }).FleetSizes;
}
