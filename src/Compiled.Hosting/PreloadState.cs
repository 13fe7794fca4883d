namespace Compiled.Hosting;

/// <summary>What the preloading at startup has done so far, for the health check.</summary>
internal sealed class PreloadState<TSession> where TSession : Session
{
    private volatile IReadOnlyList<string>? _preloaded;
    private volatile Exception? _failure;
    private volatile string? _failedDataset;

    /// <summary>The artifacts preloaded at startup, once all are; null before.</summary>
    public IReadOnlyList<string>? Preloaded => _preloaded;

    /// <summary>Why preloading failed, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>The dataset whose preloading failed.</summary>
    public string? FailedDataset => _failedDataset;

    public void Complete(IReadOnlyList<string> preloaded) => _preloaded = preloaded;

    public void Fail(string dataset, Exception failure)
    {
        _failedDataset = dataset;
        _failure = failure;
    }
}
