using Compiled.Config;
using Compiled.Storage;
using Compiled.Storage.Azure;

namespace Spaceflights;

/// <summary>
/// Azure Blob Storage for the <c>abfs://</c> paths of the <c>cloud</c> environment (conf/cloud), created when the first such
/// path is opened: a run over local files (the default environments) never loads the Azure SDK's assemblies at start-up.
/// </summary>
internal sealed class AzureOnFirstUse : IFileStoreProvider
{
    // Typed as the interface so that creating this provider does not load Compiled.Storage.Azure and the SDK behind it.
    private IFileStoreProvider? _azure;

    /// <inheritdoc />
    public IReadOnlyList<string> Schemes { get; } = ["abfs", "abfss", "az"];

    /// <inheritdoc />
    public IFileStore Create(string url, ConfigMapping? credentials) => (_azure ??= CreateAzure()).Create(url, credentials);

    private static AzureBlobFileStoreProvider CreateAzure() => new();
}
