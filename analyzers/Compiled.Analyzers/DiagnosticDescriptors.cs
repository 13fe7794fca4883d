using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Compiled.Analyzers;

/// <summary>
/// Every diagnostic Compiled reports. Ids never change meaning; each has a page under
/// <c>docs/diagnostics/</c> that its help link points to.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpBase = "https://github.com/compiled-pipelines/compiled/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor UnresolvedInput = Error(
        DiagnosticIds.UnresolvedInput, "Compiled.Catalog", "Node input is not provided",
        "{0} reads '{1}', which no catalog entry, node output or pipeline input provides. {2}");

    public static readonly DiagnosticDescriptor UnknownParameter = Error(
        DiagnosticIds.UnknownParameter, "Compiled.Parameters", "Parameter path not in the parameters YAML",
        "Node '{0}' binds parameter '{1}', which conf/base/parameters*.yml does not define: {2}");

    public static readonly DiagnosticDescriptor TypeMismatch = Error(
        DiagnosticIds.TypeMismatch, "Compiled.Types", "Type mismatch",
        "Type mismatch: {0}");

    public static readonly DiagnosticDescriptor DuplicateProducer = Error(
        DiagnosticIds.DuplicateProducer, "Compiled.Pipeline", "Dataset produced by more than one node",
        "Dataset '{0}' is produced by more than one node of pipeline '{1}': {2}");

    public static readonly DiagnosticDescriptor Cycle = Error(
        DiagnosticIds.Cycle, "Compiled.Pipeline", "Pipeline has a cycle",
        "Pipeline '{0}' has a cycle: {1}");

    public static readonly DiagnosticDescriptor InvalidYaml = Error(
        DiagnosticIds.InvalidYaml, "Compiled.Configuration", "YAML does not parse",
        "'{0}' is not valid YAML: {1}");

    public static readonly DiagnosticDescriptor InvalidCatalogEntry = Error(
        DiagnosticIds.InvalidCatalogEntry, "Compiled.Catalog", "Invalid catalog entry",
        "Catalog entry '{0}' {1}");

    public static readonly DiagnosticDescriptor UnsupportedNode = Error(
        DiagnosticIds.UnsupportedNode, "Compiled.Nodes", "Unsupported node or pipeline declaration",
        "'{0}' cannot be compiled into a pipeline: {1}");

    public static readonly DiagnosticDescriptor Unused = new(
        DiagnosticIds.Unused, "Unused configuration", "{0} '{1}' is not used by any node or pipeline",
        "Compiled.Configuration", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        helpLinkUri: HelpBase + DiagnosticIds.Unused + ".md");

    public static readonly DiagnosticDescriptor IncompatibleDatasetType = Error(
        DiagnosticIds.IncompatibleDatasetType, "Compiled.Catalog", "Dataset type cannot carry the node's C# type",
        "Catalog entry '{0}' has type '{1}', which cannot load or save '{2}'; it carries {3}");

    public static readonly DiagnosticDescriptor UnresolvedInterpolation = Error(
        DiagnosticIds.UnresolvedInterpolation, "Compiled.Configuration", "Interpolation that nothing provides",
        "'{0}' in catalog entry '{1}' is not provided: {2}");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        DiagnosticIds.DuplicateName, "Compiled.Pipeline", "Duplicate name",
        "There is more than one {0} named '{1}'");

    public static readonly DiagnosticDescriptor UnknownIncludeName = Error(
        DiagnosticIds.UnknownIncludeName, "Compiled.Pipeline", "Modular pipeline maps a name the included pipeline does not have",
        "Pipeline '{0}' maps {3} '{4}' of '{2}', which '{2}' does not have{5}");

    public static readonly DiagnosticDescriptor IncludeNameOfWrongKind = Error(
        DiagnosticIds.IncludeNameOfWrongKind, "Compiled.Pipeline", "Modular pipeline maps an input that is produced, or an output that is not",
        "Pipeline '{0}' cannot map '{3}' of '{2}' there: {4}");

    public static readonly DiagnosticDescriptor InvalidInclude = Error(
        DiagnosticIds.InvalidInclude, "Compiled.Pipeline", "Invalid modular pipeline declaration",
        "Pipeline '{0}' has an invalid [Include] or composition: {2}");

    public static readonly DiagnosticDescriptor UntrustedRuntimeValue = Error(
        DiagnosticIds.UntrustedRuntimeValue, "Compiled.Security", "Runtime value where a caller could change SQL or name any table",
        "'{0}' in catalog entry '{1}' is written into '{2}': {3}");

    public static readonly DiagnosticDescriptor EnvironmentChangesType = Error(
        DiagnosticIds.EnvironmentChangesType, "Compiled.Configuration", "Environment changes a catalog entry's type",
        "Catalog entry '{0}' of environment '{1}' changes its type from '{2}' to '{3}': an environment may change values, not the type compiled from conf/base");

    public static readonly DiagnosticDescriptor NullableMismatch = new(
        DiagnosticIds.NullableMismatch, "Dataset may be null where a node reads it as non-nullable",
        "Dataset '{0}' may be null: node '{1}' reads it as '{2}' but it is '{3}' in node '{4}'",
        "Compiled.Types", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        helpLinkUri: HelpBase + DiagnosticIds.NullableMismatch + ".md");

    public static readonly DiagnosticDescriptor UnsupportedKedroType = Error(
        DiagnosticIds.UnsupportedKedroType, "Compiled.Catalog", "Kedro dataset type that Compiled does not support",
        "Catalog entry '{0}' has the Kedro type '{1}', which Compiled does not support. Supported Kedro types: {2} (also with the kedro_datasets. prefix); Compiled's own: {3}; or name a dataset class of your project (IDataset<T> with a static FromConfig).");

    public static readonly DiagnosticDescriptor UnsupportedDatasetArgument = Error(
        DiagnosticIds.UnsupportedDatasetArgument, "Compiled.Catalog", "Dataset argument that has no equivalent",
        "Catalog entry '{0}' sets '{1}', which type '{2}' cannot honour: {3}");

    public static readonly DiagnosticDescriptor UnresolvedParameterInterpolation = Error(
        DiagnosticIds.UnresolvedParameterInterpolation, "Compiled.Parameters", "Parameter interpolation that the build cannot resolve",
        "'{0}' in parameter '{1}' is not provided: {2}");

    public static readonly DiagnosticDescriptor[] All =
    {
        UnresolvedInput, UnknownParameter, TypeMismatch, DuplicateProducer, Cycle, InvalidYaml,
        InvalidCatalogEntry, UnsupportedNode, Unused, IncompatibleDatasetType, UnresolvedInterpolation, DuplicateName,
        UnknownIncludeName, IncludeNameOfWrongKind, InvalidInclude, UntrustedRuntimeValue,
        EnvironmentChangesType, NullableMismatch, UnsupportedKedroType, UnsupportedDatasetArgument,
        UnresolvedParameterInterpolation,
    };

    public static DiagnosticDescriptor Get(string id) => All.First(d => d.Id == id);

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
