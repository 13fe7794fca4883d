namespace Compiled.Hosting;

/// <summary>What the preloading at startup has done so far, for the health check.</summary>
internal sealed class PreloadState<TSession> where TSession : Session
{
    private volatile IReadOnlyList<string>? _planned;
    private volatile IReadOnlyList<string>? _preloaded;
    private volatile Exception? _failure;
    private volatile string? _failedDataset;

    /// <summary>The artifacts preloading loads (all of them, in order), once it has started; null before.</summary>
    public IReadOnlyList<string>? Planned => _planned;

    /// <summary>The artifacts preloaded at startup, once all are; null before.</summary>
    public IReadOnlyList<string>? Preloaded => _preloaded;

    /// <summary>Why preloading failed, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>The dataset whose preloading failed (<see cref="SessionFailed"/> when the session could not be created).</summary>
    public string? FailedDataset => _failedDataset;

    /// <summary>What <see cref="FailedDataset"/> is when the session itself could not be created.</summary>
    public const string SessionFailed = "(session)";

    public void Start(IReadOnlyList<string> planned) => _planned = planned;

    public void Complete(IReadOnlyList<string> preloaded) => _preloaded = preloaded;

    public void Fail(string dataset, Exception failure)
    {
        _failedDataset = dataset;
        _failure = failure;
    }
}
