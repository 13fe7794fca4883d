using Compiled.Config;
using Xunit;

namespace Compiled.Docs.Tests;

/// <summary>
/// Every C# and YAML block of README.md and docs/ is checked: C# compiles against the real assemblies (a block that
/// stops compiling fails here, named by file, line and heading), YAML parses with the runtime's reader. A block marked
/// <c>```csharp fragment</c> / <c>```yaml fragment</c> is shown on purpose without being complete (an excerpt of
/// generated code, a broken example on a diagnostic's page).
/// </summary>
public sealed class DocsCodeBlockTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Repository.Documents()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_compiles_or_is_marked_a_fragment(string document)
    {
        var blocks = MarkdownBlock.Read(Repository.Root, document).Where(b => b.Language is "csharp" or "cs" or "c#" && !b.IsFragment).ToList();
        var declarations = blocks.Where(b => !DocCompiler.HasStatements(b)).ToList();

        var web = blocks.Any(b => b.Code.Contains("WebApplication", StringComparison.Ordinal));

        var errors = blocks.SelectMany(b => DocCompiler.Compile(b, declarations, web)).Distinct().ToList();

        Assert.True(errors.Count == 0, $"{document}: code blocks that do not compile (fix them, or mark an excerpt '```csharp fragment'):\n" + string.Join('\n', errors));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_yaml_block_parses_or_is_marked_a_fragment(string document)
    {
        var errors = new List<string>();
        foreach (var block in MarkdownBlock.Read(Repository.Root, document).Where(b => b.Language is "yaml" or "yml" && !b.IsFragment))
        {
            var path = Path.Combine(Path.GetTempPath(), $"compiled-docs-{Guid.NewGuid():N}.yml");
            File.WriteAllText(path, block.Code);
            try
            {
                YamlConfigReader.ReadMapping(path);
            }
            catch (ConfigException exception)
            {
                errors.Add($"{block}: {exception.Message.Replace(path, "the block", StringComparison.Ordinal)}");
            }
            finally
            {
                File.Delete(path);
            }
        }

        Assert.True(errors.Count == 0, $"{document}: YAML blocks that do not parse:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void The_reader_finds_blocks_headings_flags_and_setup()
    {
        var blocks = MarkdownBlock.Read(Repository.Root, "docs/concepts.md").ToList();

        Assert.Contains(blocks, b => b.Language == "csharp" && b.IsFragment && b.Heading.StartsWith('#'));
        Assert.Contains(blocks, b => b.Language == "csharp" && !b.IsFragment);
        Assert.All(blocks, b => Assert.True(b.Line > 1, b.ToString()));
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_at_its_markdown_line()
    {
        var broken = new MarkdownBlock("docs/example.md", 40, "## Example", "csharp", [], "var session = Compiled.NoSuchType.Create();", null);

        var errors = DocCompiler.Compile(broken, []);

        Assert.Contains(errors, e => e.StartsWith("docs/example.md:41 (## Example): CS0234", StringComparison.Ordinal)); // the fence is line 40
    }
}
