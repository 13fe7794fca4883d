namespace Compiled.Pipelines;

/// <summary>A node of a pipeline, as the filters, the runners and the command line see it: names, and where its method is declared.</summary>
public sealed class NodeDefinition
{
    /// <summary>Describes a node.</summary>
    /// <param name="name">The node's full name: <c>namespace.name</c> inside a namespace.</param>
    /// <param name="namespace">The node's namespace (<c>outer.inner</c> when nested), or null.</param>
    /// <param name="tags">The node's tags.</param>
    /// <param name="inputs">The datasets it reads, in parameter order.</param>
    /// <param name="outputs">The datasets it writes, in order.</param>
    /// <param name="parameters">The parameter paths it binds (<c>model_options</c>), in parameter order.</param>
    /// <param name="isAsync">Whether the node method is asynchronous.</param>
    /// <param name="source">Where the node method is declared and its signature, or null when unknown.</param>
    public NodeDefinition(
        string name, string? @namespace, IReadOnlyList<string> tags, IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputs, IReadOnlyList<string> parameters, bool isAsync = false, NodeSource? source = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Namespace = @namespace;
        Tags = tags;
        Inputs = inputs;
        Outputs = outputs;
        Parameters = parameters;
        IsAsync = isAsync;
        Source = source;
    }

    /// <summary>The node's full name: <c>namespace.name</c> inside a namespace.</summary>
    public string Name { get; }

    /// <summary>The node's namespace (<c>outer.inner</c> when nested), or null.</summary>
    public string? Namespace { get; }

    /// <summary>The node's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The datasets it reads, in parameter order.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The datasets it writes, in order.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The parameter paths it binds, in parameter order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Whether the node method is asynchronous.</summary>
    public bool IsAsync { get; }

    /// <summary>Where the node method is declared and its signature, or null when unknown.</summary>
    public NodeSource? Source { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
