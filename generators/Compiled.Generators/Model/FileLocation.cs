namespace Compiled.Generators.Model;

/// <summary>A place in a text file (YAML), stored as plain values so that models stay equatable.</summary>
internal sealed record FileLocation(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>"path:line" with a 1-based line, as written in messages and generated comments.</summary>
    public string Display => $"{FilePath}:{Line + 1}";
}
