namespace Compiled.Datasets;

/// <summary>
/// What loading a <see cref="CsvDataset{TRow}"/> does with a row whose number of fields differs from the header's (or,
/// without a header, from the number of columns a save writes): <c>load_args.on_bad_lines</c>, as pandas spells it.
/// </summary>
public enum CsvBadLines
{
    /// <summary>The load fails, naming the file, the row and both counts (pandas' <c>error</c>). The default.</summary>
    Error,

    /// <summary>The row is left out (pandas' <c>skip</c>).</summary>
    Skip,

    /// <summary>The row is read as it is: extra fields are ignored, missing ones are null where the member accepts null.</summary>
    Allow,
}
