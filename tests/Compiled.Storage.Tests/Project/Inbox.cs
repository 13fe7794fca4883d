using Compiled.Datasets;

namespace Compiled.Storage.Tests.Inbox;

/// <summary>The nodes of the Inbox project: a digest of the notes a run has not seen yet.</summary>
public static class Ingest
{
    /// <summary>The new notes, in id order, one per line; a note that says <c>fail</c> fails the run.</summary>
    [Node(Output = "digest")]
    public static async ValueTask<string> Digest(Partitions<string> inbox, CancellationToken cancellationToken)
    {
        var notes = await inbox.LoadAllAsync(cancellationToken);
        var lines = notes.OrderBy(note => note.Key, StringComparer.Ordinal).Select(note => $"{note.Key}: {note.Value}").ToList();
        if (lines.Any(line => line.EndsWith(": fail", StringComparison.Ordinal)))
            throw new InvalidOperationException("A note asked the run to fail.");
        return string.Join("\n", lines);
    }
}

/// <summary>Reads the new notes and writes their digest.</summary>
[Pipeline(typeof(Ingest))]
public sealed partial class IngestPipeline;
