using Compiled;

namespace BrokenDeclaration;

public sealed record Customer(string Name);

public static class Quoting
{
    [Node(Output = "quote")]
    public static double Quote(Customer customer, [Param("pricing.margin")] double margin) => customer.Name.Length * (1 + margin);
}

/// <summary>Not a node class: it has no [Node] methods.</summary>
public static class Formatting
{
    public static string Format(double quote) => quote.ToString("0.00");
}

// CPL0008: the pipeline names a class without [Node] methods (see ../README.md); its Run keeps its signature.
[Pipeline(typeof(Quoting), typeof(Formatting), Inputs = ["customer"])]
public sealed partial class QuotePipeline;

/// <summary>Code that runs the broken pipeline: it must compile, so only the CPL0008 shows.</summary>
public static class Caller
{
    public static double Price(BrokenDeclarationSession session) => session.Quote.Run(new Customer("ada")).Quote;
}
