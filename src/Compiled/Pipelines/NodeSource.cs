namespace Compiled.Pipelines;

/// <summary>Where a node's <c>[Node]</c> method is declared and how it reads, recorded by the generator at build time.</summary>
public sealed class NodeSource
{
    /// <summary>Describes a node method's declaration.</summary>
    /// <param name="file">The source file, relative to the project directory, with forward slashes (<c>Nodes/DataScience.cs</c>).</param>
    /// <param name="line">The 1-based line of the method's name.</param>
    /// <param name="signature">The method's C# signature (<c>public static Regressor DataScience.TrainModel(double[][] x, double[] y)</c>).</param>
    public NodeSource(string file, int line, string signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        File = file;
        Line = line;
        Signature = signature;
    }

    /// <summary>The source file, relative to the project directory, with forward slashes.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the method's name.</summary>
    public int Line { get; }

    /// <summary>The method's C# signature, types as written without namespaces.</summary>
    public string Signature { get; }

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
