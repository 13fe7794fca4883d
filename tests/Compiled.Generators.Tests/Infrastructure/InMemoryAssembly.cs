using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// A compiled consuming project loaded into its own collectible <see cref="AssemblyLoadContext"/>.
/// The Compiled runtime and its dependencies come from the default context, so runtime types
/// (<c>SessionOptions</c>, <c>PipelineRunException</c>) are the test's own.
/// </summary>
internal sealed class InMemoryAssembly : IDisposable
{
    private readonly LoadContext _context;

    private InMemoryAssembly(LoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/> (failing on any error) and loads it.</summary>
    public static InMemoryAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new LoadContext(compilation.AssemblyName ?? "in-memory");
        return new InMemoryAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>The type <paramref name="fullName"/> of the loaded assembly; fails when there is none.</summary>
    public Type GetType(string fullName) =>
        Assembly.GetType(fullName) ?? throw new Xunit.Sdk.XunitException(
            $"No type '{fullName}' in {Assembly.GetName().Name}. Types: {string.Join(", ", Assembly.GetTypes().Select(t => t.FullName))}");

    public void Dispose() => _context.Unload();

    private sealed class LoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(global::Compiled.Session).Assembly;

        // The runtime by identity; anything else (framework, YamlDotNet, CsvHelper) falls back to the default context.
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
