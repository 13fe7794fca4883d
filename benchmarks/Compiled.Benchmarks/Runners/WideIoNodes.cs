using Compiled;

namespace Compiled.Benchmarks.Runners;

/// <summary>
/// A wide pipeline: 16 independent nodes that each wait <see cref="IoLatency"/> on I/O (an awaited delay, the shape
/// of a request to a service or a database), then one node that sums them. Run sequentially the waits add up; the
/// parallel runner overlaps them.
/// </summary>
public static class WideIoNodes
{
    /// <summary>How long each node waits.</summary>
    public static readonly TimeSpan IoLatency = TimeSpan.FromMilliseconds(20);

    private static async Task<int> WaitForIo(int value, CancellationToken cancellationToken)
    {
        await Task.Delay(IoLatency, cancellationToken).ConfigureAwait(false);
        return value;
    }

    [Node(Name = "wide_io_01", Output = "wide_01")]
    public static Task<int> Read01(CancellationToken cancellationToken) => WaitForIo(1, cancellationToken);

    [Node(Name = "wide_io_02", Output = "wide_02")]
    public static Task<int> Read02(CancellationToken cancellationToken) => WaitForIo(2, cancellationToken);

    [Node(Name = "wide_io_03", Output = "wide_03")]
    public static Task<int> Read03(CancellationToken cancellationToken) => WaitForIo(3, cancellationToken);

    [Node(Name = "wide_io_04", Output = "wide_04")]
    public static Task<int> Read04(CancellationToken cancellationToken) => WaitForIo(4, cancellationToken);

    [Node(Name = "wide_io_05", Output = "wide_05")]
    public static Task<int> Read05(CancellationToken cancellationToken) => WaitForIo(5, cancellationToken);

    [Node(Name = "wide_io_06", Output = "wide_06")]
    public static Task<int> Read06(CancellationToken cancellationToken) => WaitForIo(6, cancellationToken);

    [Node(Name = "wide_io_07", Output = "wide_07")]
    public static Task<int> Read07(CancellationToken cancellationToken) => WaitForIo(7, cancellationToken);

    [Node(Name = "wide_io_08", Output = "wide_08")]
    public static Task<int> Read08(CancellationToken cancellationToken) => WaitForIo(8, cancellationToken);

    [Node(Name = "wide_io_09", Output = "wide_09")]
    public static Task<int> Read09(CancellationToken cancellationToken) => WaitForIo(9, cancellationToken);

    [Node(Name = "wide_io_10", Output = "wide_10")]
    public static Task<int> Read10(CancellationToken cancellationToken) => WaitForIo(10, cancellationToken);

    [Node(Name = "wide_io_11", Output = "wide_11")]
    public static Task<int> Read11(CancellationToken cancellationToken) => WaitForIo(11, cancellationToken);

    [Node(Name = "wide_io_12", Output = "wide_12")]
    public static Task<int> Read12(CancellationToken cancellationToken) => WaitForIo(12, cancellationToken);

    [Node(Name = "wide_io_13", Output = "wide_13")]
    public static Task<int> Read13(CancellationToken cancellationToken) => WaitForIo(13, cancellationToken);

    [Node(Name = "wide_io_14", Output = "wide_14")]
    public static Task<int> Read14(CancellationToken cancellationToken) => WaitForIo(14, cancellationToken);

    [Node(Name = "wide_io_15", Output = "wide_15")]
    public static Task<int> Read15(CancellationToken cancellationToken) => WaitForIo(15, cancellationToken);

    [Node(Name = "wide_io_16", Output = "wide_16")]
    public static Task<int> Read16(CancellationToken cancellationToken) => WaitForIo(16, cancellationToken);

    [Node(Name = "wide_io_total", Output = "wide_total")]
    public static int Total(
        [Input("wide_01")] int wide01,
        [Input("wide_02")] int wide02,
        [Input("wide_03")] int wide03,
        [Input("wide_04")] int wide04,
        [Input("wide_05")] int wide05,
        [Input("wide_06")] int wide06,
        [Input("wide_07")] int wide07,
        [Input("wide_08")] int wide08,
        [Input("wide_09")] int wide09,
        [Input("wide_10")] int wide10,
        [Input("wide_11")] int wide11,
        [Input("wide_12")] int wide12,
        [Input("wide_13")] int wide13,
        [Input("wide_14")] int wide14,
        [Input("wide_15")] int wide15,
        [Input("wide_16")] int wide16) =>
        wide01 + wide02 + wide03 + wide04 + wide05 + wide06 + wide07 + wide08 + wide09 + wide10 + wide11 + wide12 + wide13 + wide14 + wide15 + wide16;
}

/// <summary>The wide pipeline: <c>wide_io</c>.</summary>
[Pipeline(typeof(WideIoNodes), Name = "wide_io")]
public sealed partial class WideIoPipeline;
