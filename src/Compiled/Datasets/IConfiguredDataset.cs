using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// A dataset type built from a catalog entry by a static <c>FromConfig</c>: lets a partitioned dataset create one
/// dataset of the type per partition without reflection (trimming and native AOT safe).
/// </summary>
/// <typeparam name="TSelf">The dataset type.</typeparam>
public interface IConfiguredDataset<TSelf>
    where TSelf : IConfiguredDataset<TSelf>
{
    /// <summary>Builds the dataset from a catalog entry.</summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or malformed.</exception>
    static abstract TSelf FromConfig(DatasetConfig config);
}
