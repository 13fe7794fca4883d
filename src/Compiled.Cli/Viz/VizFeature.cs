using System.Diagnostics.CodeAnalysis;

namespace Compiled.Cli.Viz;

/// <summary>
/// Whether this build of the program can write the HTML page. The page is laid out with MSAGL, which is not trim-safe
/// (it keeps BinaryFormatter debug paths); a native AOT publish sets the switch to false (Compiled's build props) and the
/// AOT compiler then leaves the layout, and MSAGL, out. JIT builds (<c>dotnet run</c>) always have it.
/// </summary>
internal static class VizFeature
{
    /// <summary>The feature switch (a <c>RuntimeHostConfigurationOption</c>).</summary>
    public const string HtmlPageSwitch = "Compiled.Cli.Viz.IsHtmlPageSupported";

    /// <summary>Why a native executable cannot write the page.</summary>
    public const string NativeAotMessage =
        "The html page is laid out with MSAGL, which is not trim-safe, so native AOT builds leave it out: write the page with the JIT build " +
        "(dotnet run --project <project> -- viz). --format mermaid and --format json work here.";

    /// <summary>True unless the switch turned the page off (native AOT publishes).</summary>
    [FeatureSwitchDefinition(HtmlPageSwitch)]
    public static bool IsHtmlPageSupported => !AppContext.TryGetSwitch(HtmlPageSwitch, out var supported) || supported;
}
