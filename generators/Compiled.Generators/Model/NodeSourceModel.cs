namespace Compiled.Generators.Model;

/// <summary>
/// Where a <c>[Node]</c> method is declared and its signature, for <c>Compiled.Pipelines.NodeSource</c>. The parser
/// records the syntax tree's path; the project builder makes it relative to the project directory.
/// </summary>
/// <param name="Method">The node method, <c>global::Ns.Type.Method</c> (as <see cref="PlannedNode.Method"/>).</param>
/// <param name="File">The source file: as the compiler names it after parsing, project-relative after building.</param>
/// <param name="Line">The 1-based line of the method's name.</param>
/// <param name="Signature">The method's C# signature, types without namespaces.</param>
internal sealed record NodeSourceModel(string Method, string File, int Line, string Signature);
