namespace Compiled;

/// <summary>
/// A dataset could not be loaded, saved or configured. The message names the dataset and, where
/// there is one, its file and the row or column at fault.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception for <paramref name="datasetName"/>.</summary>
    public DatasetException(string datasetName, string message, Exception? innerException = null)
        : base(message, innerException) => DatasetName = datasetName;

    /// <summary>The catalog name of the dataset.</summary>
    public string DatasetName { get; }
}
