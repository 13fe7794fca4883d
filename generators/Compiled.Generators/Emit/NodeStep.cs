namespace Compiled.Generators.Emit;

/// <summary>
/// The statements of one node's step in a run's body. Inline, each is written as it comes (<c>var x = …;</c>). In a try
/// region of the node's own (<see cref="PipelineEmitter.NodeTryRegions"/>), the locals the step sets are declared before the
/// region, so that the nodes after it can read them, and assigned inside it, where a failure is the node's.
/// </summary>
internal sealed class NodeStep(SourceWriter writer, bool ownTryRegion)
{
    private readonly List<string> _declarations = [];
    private readonly List<string> _statements = [];

    /// <summary>Sets the new local <paramref name="name"/> of type <paramref name="type"/> to <paramref name="value"/>.</summary>
    public void Assign(string type, string name, string value)
    {
        if (!ownTryRegion)
        {
            writer.Line($"var {name} = {value};");
            return;
        }

        Declare(type, name);
        _statements.Add($"{name} = {value};");
    }

    /// <summary>Declares a local that a statement of the step assigns (a try region's step only).</summary>
    public void Declare(string type, string name) => _declarations.Add($"{type} {name};");

    /// <summary>A statement of the step: written now, or inside the try region.</summary>
    public void Statement(string statement)
    {
        if (ownTryRegion) _statements.Add(statement);
        else writer.Line(statement);
    }

    /// <summary>Writes the declarations, then the statements in a try region whose node-failure handler is <paramref name="handler"/>.</summary>
    public void WriteTryRegion(string handler)
    {
        foreach (var declaration in _declarations) writer.Line(declaration);
        writer.Open("try");
        foreach (var statement in _statements) writer.Line(statement);
        writer.Close();
        writer.Open($"catch (global::System.Exception exception) when ({PipelineEmitter.NodeFailureFilter})");
        writer.Line(handler);
        writer.Close();
    }
}
