using System.Threading.Tasks.Dataflow;
using Compiled.Benchmarks.Spaceflights;

namespace Compiled.Benchmarks.Engines;

/// <summary>
/// The spaceflights-shaped graph as a TPL Dataflow network: a block per node, a
/// <see cref="JoinBlock{T1,T2,T3}"/> where <c>create_model_input_table</c> meets its three inputs,
/// a <see cref="BroadcastBlock{T}"/> fanning <c>split_data</c>'s 4-tuple out to <c>train_model</c> and
/// (through a <see cref="JoinBlock{T1,T2}"/> with the regressor) to <c>evaluate_model</c>. One request
/// posts the three raw inputs and awaits the metrics.
/// </summary>
public sealed class DataflowSpaceflights : IDisposable
{
    private readonly TransformBlock<long, long> _companies;
    private readonly TransformBlock<long, long> _shuttles;
    private readonly BufferBlock<long> _reviews;
    private readonly TransformBlock<Tuple<long, (long XTrain, long XTest, long YTrain, long YTest)>, long> _evaluate;

    /// <summary>Builds and links the blocks once.</summary>
    public DataflowSpaceflights(ModelOptions options)
    {
        var link = new DataflowLinkOptions { PropagateCompletion = true };
        _companies = new TransformBlock<long, long>(ShapedDataProcessing.PreprocessCompanies);
        _shuttles = new TransformBlock<long, long>(ShapedDataProcessing.PreprocessShuttles);
        _reviews = new BufferBlock<long>();

        var tableInputs = new JoinBlock<long, long, long>();
        _shuttles.LinkTo(tableInputs.Target1, link);
        _companies.LinkTo(tableInputs.Target2, link);
        _reviews.LinkTo(tableInputs.Target3, link);
        var table = new TransformBlock<Tuple<long, long, long>, long>(t => ShapedDataProcessing.CreateModelInputTable(t.Item1, t.Item2, t.Item3));
        tableInputs.LinkTo(table, link);

        var split = new TransformBlock<long, (long XTrain, long XTest, long YTrain, long YTest)>(data => ShapedDataScience.SplitData(data, options));
        table.LinkTo(split, link);
        var splitOut = new BroadcastBlock<(long XTrain, long XTest, long YTrain, long YTest)>(null);
        split.LinkTo(splitOut, link);

        var train = new TransformBlock<(long XTrain, long XTest, long YTrain, long YTest), long>(s => ShapedDataScience.TrainModel(s.XTrain, s.YTrain, options.Features));
        splitOut.LinkTo(train, link);
        var evaluateInputs = new JoinBlock<long, (long XTrain, long XTest, long YTrain, long YTest)>();
        train.LinkTo(evaluateInputs.Target1, link);
        splitOut.LinkTo(evaluateInputs.Target2, link);
        _evaluate = new TransformBlock<Tuple<long, (long XTrain, long XTest, long YTrain, long YTest)>, long>(
            t => ShapedDataScience.EvaluateModel(t.Item1, t.Item2.XTest, t.Item2.YTest));
        evaluateInputs.LinkTo(_evaluate, link);
    }

    /// <summary>Runs one request: posts the raw inputs and awaits the metrics.</summary>
    public async Task<long> RunAsync(long companies, long reviews, long shuttles)
    {
        _companies.Post(companies);
        _shuttles.Post(shuttles);
        _reviews.Post(reviews);
        return await _evaluate.ReceiveAsync().ConfigureAwait(false);
    }

    /// <summary>Completes the network.</summary>
    public void Dispose()
    {
        _companies.Complete();
        _shuttles.Complete();
        _reviews.Complete();
        _evaluate.Completion.Wait(TimeSpan.FromSeconds(5));
    }
}
