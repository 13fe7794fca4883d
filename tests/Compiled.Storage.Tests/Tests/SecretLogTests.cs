using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using Amazon;
using Azure.Core.Diagnostics;
using Compiled.Datasets;
using Compiled.Storage.Tests.Servers;
using Xunit;

namespace Compiled.Storage.Tests.Tests;

/// <summary>
/// A secret never appears in a log line: with the storage clients' own logging turned all the way up (Azure's event
/// source at Verbose, the AWS SDK's trace output with responses and metrics), a save and a load, then a save and a load
/// with a wrong secret, log plenty of lines, and none of them holds the secret.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SecretLogTests(Emulators emulators)
{
    [Fact]
    public async Task The_azure_account_key_never_appears_in_the_clients_log_lines()
    {
        var lines = new ConcurrentQueue<string>();
        using (new AzureEventSourceListener((_, line) => lines.Enqueue(line), EventLevel.Verbose))
        {
            // The right key: it is sent (signed) with every request; a wrong one: the requests are refused.
            using (var project = new StoreProject(emulators))
            {
                await RoundTrip(project, Store.Azure);
            }

            var wrongKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("wrong-key-" + Guid.NewGuid().ToString("N")));
            using (var project = new StoreProject(emulators, azureKey: wrongKey))
            {
                await Assert.ThrowsAsync<DatasetException>(() => RoundTrip(project, Store.Azure));
            }

            Assert.NotEmpty(lines); // the listener did see the clients' requests
            Assert.DoesNotContain(lines, line => line.Contains(Emulators.AzuriteKey, StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => line.Contains(wrongKey, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_s3_secret_never_appears_in_the_clients_log_lines()
    {
        var listener = new LinesTraceListener { Name = "compiled-secret-test-" + Guid.NewGuid().ToString("N") };
        var logging = AWSConfigs.LoggingConfig;
        var (logTo, logResponses, logMetrics) = (logging.LogTo, logging.LogResponses, logging.LogMetrics);
        logging.LogTo = LoggingOptions.SystemDiagnostics;
        logging.LogResponses = ResponseLoggingOption.Always;
        logging.LogMetrics = true;
        AWSConfigs.AddTraceListener("Amazon", listener);
        try
        {
            // s3rver's secret is its key id, which requests carry in the clear: only a secret of its own can be looked for,
            // so the key is wrong too (s3rver checks the key, not the signature) and the requests are refused.
            var secret = "wrong-secret-" + Guid.NewGuid().ToString("N");
            using var project = new StoreProject(emulators, s3Key: "WRONGKEY", s3Secret: secret);
            await Assert.ThrowsAsync<DatasetException>(() => RoundTrip(project, Store.S3));

            Assert.NotEmpty(listener.Lines); // the SDK did log the refused requests
            Assert.DoesNotContain(listener.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
        finally
        {
            AWSConfigs.RemoveTraceListener("Amazon", listener.Name);
            (logging.LogTo, logging.LogResponses, logging.LogMetrics) = (logTo, logResponses, logMetrics);
        }
    }

    private static async Task RoundTrip(StoreProject project, Store store)
    {
        var config = project.Load(project.Entry("notes", "text", store, "notes.txt"));
        var dataset = TextDataset.FromConfig(config.GetDataset("notes"));
        await dataset.SaveAsync("some notes");
        Assert.Equal("some notes", await dataset.LoadAsync());
    }

    private sealed class LinesTraceListener : TraceListener
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public override void Write(string? message)
        {
            if (message is not null) Lines.Enqueue(message);
        }

        public override void WriteLine(string? message) => Write(message);
    }
}
