namespace Compiled.Generators.Model;

/// <summary>The consuming project's names: where generated types go and what they are called.</summary>
internal sealed record ProjectInfo(string Namespace, string ProjectName);
