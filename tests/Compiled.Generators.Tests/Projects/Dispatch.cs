using Compiled.Generators.Tests.Infrastructure;

namespace Compiled.Generators.Tests.Projects;

/// <summary>
/// A project for the serving contracts: a pipeline with a required and a nullable runtime input and a
/// catalog entry with a required and a defaulted <c>${runtime:…}</c> value; a pipeline with no runtime
/// input; and a pipeline whose runtime input is named like the contract's own locals (<c>request</c>).
/// </summary>
internal static class Dispatch
{
    public const string RootNamespace = "Dispatch";

    public const string Sources = """
        using Compiled;

        namespace Dispatch;

        public sealed record Customer(string Name, int Orders);

        public sealed class OrderRow
        {
            public string Customer { get; set; } = "";
            public double Amount { get; set; }
        }

        public sealed record Quote(string Customer, double Total);

        public static class Quoting
        {
            [Node(Output = "quote")]
            public static Quote PriceQuote(Customer customer, double? discount, OrderRow[] orders, [Param("pricing.margin")] double margin)
            {
                var spent = orders.Where(o => o.Customer == customer.Name).Sum(o => o.Amount);
                return new Quote(customer.Name, Math.Round(spent * (1 + margin) - (discount ?? 0), 2));
            }
        }

        public static class Totals
        {
            [Node(Output = "total")]
            public static double SumOrders(OrderRow[] orders) => orders.Sum(o => o.Amount);
        }

        public static class Echo
        {
            [Node(Outputs = ["reply", "length"])]
            public static (string, int) Answer(string request) => (request.ToUpperInvariant(), request.Length);
        }

        public static class Scaling
        {
            [Node(Output = "scaled")]
            public static double Scale(double value, int? factor) => value * (factor ?? 1);
        }

        [Pipeline(typeof(Scaling), Inputs = ["value", "factor"])]
        public sealed partial class ScalePipeline;

        [Pipeline(typeof(Quoting), Inputs = ["customer", "discount"])]
        public sealed partial class QuotePipeline;

        [Pipeline(typeof(Totals))]
        public sealed partial class TotalsPipeline;

        [Pipeline(typeof(Echo), Inputs = ["request"])]
        public sealed partial class EchoPipeline;
        """;

    public const string Catalog = """
        orders:
          type: csv
          filepath: data/${runtime:region}/${runtime:year,2026}/orders.csv
        """;

    public const string Parameters = """
        pricing:
          margin: 0.1
        """;

    public static TestProject Project { get; } = TestProject.Create(RootNamespace)
        .WithSource("Dispatch.cs", Sources)
        .WithConfig("conf/base/catalog.yml", Catalog)
        .WithConfig("conf/base/parameters.yml", Parameters);

    private static readonly Lazy<GeneratorRun> LazyRun = new(() => GeneratorHarness.Run(Project));

    /// <summary>One generator run of <see cref="Project"/>, shared by the tests that only read it.</summary>
    public static GeneratorRun Run => LazyRun.Value;
}
