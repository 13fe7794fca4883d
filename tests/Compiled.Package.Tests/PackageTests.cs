using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.Package.Tests;

/// <summary>
/// The one NuGet package <c>Compiled</c>: the runtime in <c>lib/net10.0</c>, the generator and the analyzers with
/// YamlDotNet beside them in <c>analyzers/dotnet/cs</c>, <c>build/Compiled.props</c> and <c>build/Compiled.targets</c>, the runtime's references as
/// its only dependencies — and a fresh application that references nothing but the package builds and runs a pipeline.
/// </summary>
public sealed partial class PackageTests(PackedPackage package, ITestOutputHelper output) : IClassFixture<PackedPackage>
{
    private const string AnalyzersFolder = "analyzers/dotnet/cs/";

    /// <summary>Every file of the package but the packaging metadata (_rels, [Content_Types].xml, package/, the nuspec).</summary>
    private static readonly string[] ExpectedFiles =
    [
        "analyzers/dotnet/cs/Compiled.Analyzers.CodeFixes.dll",
        "analyzers/dotnet/cs/Compiled.Analyzers.dll",
        "analyzers/dotnet/cs/Compiled.Generators.dll",
        "analyzers/dotnet/cs/YamlDotNet.dll",
        "build/Compiled.props",
        "build/Compiled.targets",
        "lib/net10.0/Compiled.dll",
        "lib/net10.0/Compiled.xml",
    ];

    [Fact]
    public void Package_carries_exactly_the_runtime_the_generator_the_analyzers_with_YamlDotNet_and_the_build_props_and_targets()
    {
        output.WriteLine($"pack: {package.Pack.Elapsed.TotalSeconds:F1} s, {package.PackagePath}");
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var files = zip.Entries.Select(e => e.FullName).Where(name => !IsPackagingMetadata(name)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedFiles, files);

        // The props and targets NuGet imports into every consumer are the repository's, byte for byte.
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "src", "Compiled", "build", "Compiled.props")), Read(zip, "build/Compiled.props"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "src", "Compiled", "build", "Compiled.targets")), Read(zip, "build/Compiled.targets"));

        // The runtime targets net10.0; the compiler loads the generator, the analyzers and YamlDotNet, all netstandard2.0.
        Assert.Equal(".NETCoreApp,Version=v10.0", Inspect(Read(zip, "lib/net10.0/Compiled.dll")).TargetFramework);
        var yaml = Inspect(Read(zip, AnalyzersFolder + "YamlDotNet.dll"));
        Assert.Equal(".NETStandard,Version=v2.0", yaml.TargetFramework);
        foreach (var name in new[] { "Compiled.Generators", "Compiled.Analyzers" })
        {
            var assembly = Inspect(Read(zip, AnalyzersFolder + name + ".dll"));
            Assert.Equal(".NETStandard,Version=v2.0", assembly.TargetFramework);
            // Built for this package (its version), and against the very YamlDotNet packed beside it.
            Assert.StartsWith(package.Version, assembly.InformationalVersion, StringComparison.Ordinal);
            Assert.Equal(yaml.Version, Assert.Single(assembly.References, r => r.Name == "YamlDotNet").Version);
        }
    }

    [Fact]
    public async Task Package_dependencies_are_the_runtime_package_references_and_nothing_else()
    {
        // What src/Compiled references for its own use, as MSBuild evaluates it (central versions, conditions).
        var evaluation = await DotnetCli.RunAsync(Repository.Root, environment: null,
            "msbuild", Path.Combine(Repository.Root, "src", "Compiled", "Compiled.csproj"), "-getItem:PackageReference");
        Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
        var expected = Items(evaluation.Output, "PackageReference")
            .Where(r => !string.Equals(r.GetValueOrDefault("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(r.GetValueOrDefault("IsImplicitlyDefined"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(r => r["Identity"])
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        Assert.Contains("YamlDotNet", expected);

        using var zip = ZipFile.OpenRead(package.PackagePath);
        var nuspec = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Read(zip, "Compiled.nuspec")).TrimStart('\uFEFF'));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("Compiled", Child(metadata, "id"));
        Assert.Equal(package.Version, Child(metadata, "version"));

        var group = Assert.Single(metadata.Elements().Single(e => e.Name.LocalName == "dependencies").Elements());
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        var dependencies = group.Elements().Select(d => (string)d.Attribute("id")!).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        // The generator and analyzer projects (and Roslyn) are inside the package, never dependencies of it.
        Assert.Equal(expected, dependencies);
    }

    [Fact]
    public async Task Fresh_console_app_that_references_only_the_package_builds_and_runs_a_pipeline()
    {
        var app = Path.Combine(package.WorkDirectory, "app");
        var packages = Path.Combine(package.WorkDirectory, "packages");
        WriteConsumer(app);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        var build = await DotnetCli.RunAsync(app, environment, "build", "-c", "Release", "--disable-build-servers");
        output.WriteLine($"consumer build: {build.Elapsed.TotalSeconds:F1} s");
        Assert.True(build.ExitCode == 0, build.ToString());
        // Generated code compiles cleanly in a user's project (NU19xx audit notices depend on the registry, not on us).
        var warnings = WarningPattern().Matches(build.Output).Select(m => m.Value).Where(w => !w.Contains(" NU19", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(warnings.Length == 0, $"the consumer build warned:{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}{Environment.NewLine}{build}");

        // The compiler got the generator, the analyzers and YamlDotNet from this run's package, the conf YAML as
        // additional files and RootNamespace as a visible property (build/Compiled.props).
        var items = await DotnetCli.RunAsync(app, environment,
            "msbuild", "-p:Configuration=Release", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer,AdditionalFiles,CompilerVisibleProperty");
        Assert.True(items.ExitCode == 0, items.ToString());
        var packageAnalyzers = Path.Combine(packages, "compiled", package.Version.ToLowerInvariant(), "analyzers", "dotnet", "cs") + Path.DirectorySeparatorChar;
        var fromPackage = Items(items.Output, "Analyzer").Select(a => a["FullPath"])
            .Where(path => path.StartsWith(packageAnalyzers, StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Compiled.Analyzers.CodeFixes.dll", "Compiled.Analyzers.dll", "Compiled.Generators.dll", "YamlDotNet.dll"], fromPackage);
        var additionalFiles = Items(items.Output, "AdditionalFiles").Select(f => Path.GetRelativePath(app, f["FullPath"]).Replace('\\', '/')).ToArray();
        Assert.Contains("conf/base/catalog.yml", additionalFiles);
        Assert.Contains("conf/base/parameters.yml", additionalFiles);
        Assert.Contains("RootNamespace", Items(items.Output, "CompilerVisibleProperty").Select(p => p["Identity"]));

        var run = await DotnetCli.RunAsync(app, environment, "run", "-c", "Release", "--no-build", "--", app);
        output.WriteLine($"consumer run: {run.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, run.ToString());
        // Orders of at least pricing.min_quantity (2): widget 3 × 2.00 + gizmo 4 × 1.50 = 12.00, plus 25 % tax.
        Assert.Contains("order_summary: orders=2 total=15.00", run.Output, StringComparison.Ordinal);

        var summaryPath = Path.Combine(app, "data", "08_reporting", "order_summary.json");
        Assert.True(File.Exists(summaryPath), $"the run did not write {summaryPath}");
        using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
        Assert.Equal(2, summary.RootElement.GetProperty("orders").GetInt32());
        Assert.Equal(15.0, summary.RootElement.GetProperty("total").GetDouble());
    }

    /// <summary>
    /// Copies ConsumerTemplate to <paramref name="app"/>: a project referencing only <c>Compiled</c> at this run's version,
    /// with a nuget.config that adds the fresh feed (and the machine's local package folder) to the sources inherited from
    /// the user's NuGet configuration, and empty Directory.Build/Packages files so nothing above the temporary folder applies.
    /// </summary>
    private void WriteConsumer(string app)
    {
        var template = Path.Combine(Repository.Root, "tests", "Compiled.Package.Tests", "ConsumerTemplate");
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(app, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var projectTemplate = Path.Combine(app, "PackageConsumer.csproj.template");
        File.WriteAllText(Path.Combine(app, "PackageConsumer.csproj"), File.ReadAllText(projectTemplate).Replace("@COMPILED_VERSION@", package.Version, StringComparison.Ordinal));
        File.Delete(projectTemplate);

        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(app, name), "<Project />\n");
        }

        // No <clear/>: the sources this machine already uses (user-level NuGet config) stay, for Compiled's dependencies.
        var sources = new List<(string Key, string Path)> { ("compiled-package-under-test", package.FeedDirectory) };
        if (Directory.Exists(MachinePackageFolder)) sources.Add(("machine-package-folder", MachinePackageFolder));
        var config = new XDocument(new XElement("configuration",
            new XElement("packageSources", sources.Select(s => new XElement("add", new XAttribute("key", s.Key), new XAttribute("value", s.Path))))));
        config.Save(Path.Combine(app, "nuget.config"));
        output.WriteLine($"consumer: {app}");
    }

    /// <summary>The folder of NuGet packages preinstalled on the project's machines (xunit, the test SDK, ...).</summary>
    private const string MachinePackageFolder = "/opt/nuget/packages";

    private static bool IsPackagingMetadata(string name) =>
        name.StartsWith("_rels/", StringComparison.Ordinal)
        || name.StartsWith("package/", StringComparison.Ordinal)
        || name == "[Content_Types].xml"
        || (name.EndsWith(".nuspec", StringComparison.Ordinal) && !name.Contains('/'));

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"the package has no {name}");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string? Child(XElement element, string name) => element.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>The items of one type in the JSON that <c>msbuild -getItem</c> prints, as metadata dictionaries.</summary>
    private static IEnumerable<Dictionary<string, string>> Items(string msbuildOutput, string itemType)
    {
        var json = msbuildOutput[msbuildOutput.IndexOf('{', StringComparison.Ordinal)..(msbuildOutput.LastIndexOf('}') + 1)];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items)
            ? items.EnumerateArray().Select(item => item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")).ToList()
            : [];
    }

    private sealed record AssemblyFacts(Version Version, string? TargetFramework, string? InformationalVersion, ImmutableArray<(string Name, Version Version)> References);

    /// <summary>Reads an assembly's version, target framework, informational version and references without loading it.</summary>
    private static AssemblyFacts Inspect(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        string? targetFramework = null, informationalVersion = null;
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) continue;
            var typeName = reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name);
            if (typeName is not ("TargetFrameworkAttribute" or "AssemblyInformationalVersionAttribute")) continue;
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue; // custom attribute prolog
            var value = blob.ReadSerializedString();
            if (typeName == "TargetFrameworkAttribute") targetFramework = value;
            else informationalVersion = value;
        }

        var references = reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToImmutableArray();
        return new AssemblyFacts(definition.Version, targetFramework, informationalVersion, references);
    }

    [GeneratedRegex(@"warning [A-Z]+[0-9]+[^\r\n]*")]
    private static partial Regex WarningPattern();
}
