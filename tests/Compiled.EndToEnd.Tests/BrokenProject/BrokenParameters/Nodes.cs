using Compiled;

namespace BrokenParameters;

public sealed record Reporting(string Currency, int Rounding);

/// <summary>Correct C#: the only error of this project is in conf/base/parameters.yml (see ../README.md).</summary>
public static class Pricing
{
    [Node(Output = "price")]
    public static double Price(double cost, [Param("pricing.margin")] double margin, [Param("pricing.tax")] double tax) =>
        cost * (1 + margin) * (1 + tax);

    [Node(Output = "label")]
    public static string Label(double price, [Param("reporting")] Reporting reporting) =>
        Math.Round(price, reporting.Rounding) + " " + reporting.Currency;
}

[Pipeline(typeof(Pricing), Inputs = ["cost"])]
public sealed partial class LabelPipeline;

/// <summary>Code that reads the parameters and runs the pipeline: it must compile, so only the CPL0006 shows.</summary>
public static class Caller
{
    public static double Tax(BrokenParametersSession session) => session.Parameters.Pricing.Tax;

    public static string Label(BrokenParametersSession session) =>
        session.Label.Run(10.0, parameters: session.Parameters with { Reporting = new Reporting("EUR", 2) }).Label;
}
