using Compiled.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// Runtime inputs of a struct type are <c>in</c> parameters of the synchronous <c>Run</c> (issue #16: copied by value into
/// an inlined <c>Run</c>, a struct is split into its fields and the node waits on those stores), and stay by value where a
/// copy costs nothing (built-in types, enums, <c>Nullable&lt;T&gt;</c>) or where C# forbids <c>in</c> (an <c>async</c> <c>RunAsync</c>). Callers pass them as before.
/// </summary>
public sealed class StructInputTests
{
    private const string Nodes = """
        using Compiled;

        namespace Quotes;

        public readonly record struct Features(double Engines, double Crew, double Rating);

        public enum Tier { Economy, Business }

        public static class QuoteNodes
        {
            [Node(Output = "price")]
            public static double Price(Features features, int seats, string currency, Tier tier, double? discount, Features? previous) =>
                features.Engines * seats * (tier == Tier.Business ? 2 : 1) - (discount ?? 0) + (previous?.Crew ?? 0) + currency.Length;
        }

        public static class SlowQuoteNodes
        {
            [Node(Output = "price")]
            public static async Task<double> Price(Features features, int seats)
            {
                await Task.Yield();
                return features.Engines * seats;
            }
        }

        [Pipeline(typeof(QuoteNodes), Inputs = ["features", "seats", "currency", "tier", "discount", "previous"])]
        public sealed partial class QuotePipeline;

        [Pipeline(typeof(SlowQuoteNodes), Inputs = ["features", "seats"])]
        public sealed partial class SlowQuotePipeline;

        public static class Caller
        {
            // A caller passes struct inputs without `in`, from a local or a field, as it would to any method.
            public static double Quote(QuotePipeline pipeline, Features features) =>
                pipeline.Run(features, 2, "EUR", Tier.Business, null, new Features(1, 2, 3)).Price + pipeline.Run(new Features(1, 1, 1), 1, "", Tier.Economy, 0.5, null).Price;
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(TestProject.Create("Quotes")
        .WithSource("Quotes.cs", Nodes)
        .WithConfig("conf/base/catalog.yml", "{}\n")));

    private static IMethodSymbol Method(string type, string name) =>
        Assert.IsAssignableFrom<IMethodSymbol>(Assert.Single(
            Run.Value.OutputCompilation.GetTypeByMetadataName("Quotes." + type)!.GetMembers(name)));

    private static Dictionary<string, RefKind> RefKinds(IMethodSymbol method) =>
        method.Parameters.ToDictionary(p => p.Name, p => p.RefKind);

    [Fact]
    public void CompilesWithCallersPassingStructsWithoutIn() => Run.Value.AssertCompiles();

    [Fact]
    public void Run_TakesOnlyStructsIn()
    {
        var kinds = RefKinds(Method("QuotePipeline", "Run"));

        Assert.Equal(RefKind.In, kinds["features"]);
        Assert.Equal(RefKind.None, kinds["tier"]); // an enum is a number: copied in a register
        Assert.Equal(RefKind.None, kinds["seats"]);
        Assert.Equal(RefKind.None, kinds["currency"]);
        Assert.Equal(RefKind.None, kinds["discount"]);
        Assert.Equal(RefKind.None, kinds["previous"]);
        Assert.Equal(RefKind.None, kinds["parameters"]);
        Assert.Equal(RefKind.None, kinds["cancellationToken"]);
    }

    [Fact]
    public void RunAsync_TakesEverythingByValue()
    {
        Assert.All(Method("QuotePipeline", "RunAsync").Parameters, p => Assert.Equal(RefKind.None, p.RefKind));
        var slow = Method("SlowQuotePipeline", "RunAsync");
        Assert.True(slow.IsAsync);
        Assert.All(slow.Parameters, p => Assert.Equal(RefKind.None, p.RefKind));
    }

    [Fact]
    public void NodeIsCalledWithTheInParameterAsWritten() =>
        Assert.Contains(
            "var price = global::Quotes.QuoteNodes.Price(features, seats, currency, tier, discount, previous);",
            Run.Value.Source("Quotes.QuotePipeline.g.cs"));
}
