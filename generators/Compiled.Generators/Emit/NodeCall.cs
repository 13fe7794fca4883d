using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>
/// The statement that calls a planned node, as both pipeline emitters write it: the direct call with its arguments,
/// awaited when the node is asynchronous, its result stored in the variables that hold its outputs.
/// </summary>
internal static class NodeCall
{
    /// <summary>
    /// The call of <paramref name="node"/> as a statement: <c>Method(args);</c>, <c>{declare}x = Method(args);</c> or
    /// <c>{declare}(x, y) = Method(args);</c>.
    /// </summary>
    /// <param name="parameters">The expression of the run's parameters record (<c>parameters</c>, <c>_parameters</c>).</param>
    /// <param name="variable">The local or field that holds a dataset.</param>
    /// <param name="declare">What precedes the assigned outputs: <c>"var "</c> to declare locals, <c>""</c> to assign fields.</param>
    public static string Statement(PlannedNode node, string parameters, Func<string, string> variable, string declare) =>
        Statement(node, argument => parameters + "." + string.Join(".", argument.Members), variable, declare);

    /// <summary>The call of <paramref name="node"/> as a statement, each bound parameter's value given by <paramref name="parameter"/>.</summary>
    /// <param name="parameter">The expression of a bound parameter argument's value.</param>
    /// <param name="variable">The local or field that holds a dataset.</param>
    /// <param name="declare">What precedes the assigned outputs.</param>
    public static string Statement(PlannedNode node, Func<NodeArgument, string> parameter, Func<string, string> variable, string declare)
    {
        var invocation = $"{node.Method}({string.Join(", ", node.Arguments.Select(a => Argument(a, parameter, variable)))})";
        if (node.Await != AwaitKind.None) invocation = $"await {invocation}.ConfigureAwait(false)";
        return node.ReturnKind switch
        {
            NodeReturnKind.Void => $"{invocation};",
            NodeReturnKind.Single => $"{declare}{variable(node.Outputs[0])} = {invocation};",
            _ => $"{declare}({string.Join(", ", node.Outputs.Select(variable))}) = {invocation};",
        };
    }

    /// <summary>A node call's argument: the run's token, the parameter's member path, or the variable holding the dataset.</summary>
    private static string Argument(NodeArgument argument, Func<NodeArgument, string> parameter, Func<string, string> variable) => argument.Source switch
    {
        ArgumentSource.CancellationToken => "cancellationToken",
        ArgumentSource.Parameter => argument.IsBoundParameter ? parameter(argument) : "default!",
        _ => argument.ForgivesNull ? variable(argument.Name) + "!" : variable(argument.Name),
    };
}
