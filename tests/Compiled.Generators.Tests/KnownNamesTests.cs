using Compiled.Generators.Parsing;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The generator reads the runtime's attributes by name (it cannot reference the runtime); here those names are checked
/// against the attributes themselves with <c>nameof</c>, so renaming an attribute or one of its arguments fails this
/// test instead of silently making the generator ignore it.
/// </summary>
public sealed class KnownNamesTests
{
    [Fact]
    public void AttributeMetadataNames_AreTheRuntimeAttributes()
    {
        Assert.Equal(typeof(NodeAttribute).FullName, KnownNames.NodeAttribute);
        Assert.Equal(typeof(InputAttribute).FullName, KnownNames.InputAttribute);
        Assert.Equal(typeof(ParamAttribute).FullName, KnownNames.ParamAttribute);
        Assert.Equal(typeof(PipelineAttribute).FullName, KnownNames.PipelineAttribute);
        Assert.Equal(typeof(IncludeAttribute).FullName, KnownNames.IncludeAttribute);
    }

    [Fact]
    public void NamedArguments_AreTheRuntimeAttributesProperties()
    {
        Assert.Equal(nameof(NodeAttribute.Name), KnownNames.Node.Name);
        Assert.Equal(nameof(NodeAttribute.Output), KnownNames.Node.Output);
        Assert.Equal(nameof(NodeAttribute.Outputs), KnownNames.Node.Outputs);
        Assert.Equal(nameof(NodeAttribute.Tags), KnownNames.Node.Tags);

        Assert.Equal(nameof(PipelineAttribute.Name), KnownNames.Pipeline.Name);
        Assert.Equal(nameof(PipelineAttribute.Inputs), KnownNames.Pipeline.Inputs);
        Assert.Equal(nameof(PipelineAttribute.Artifacts), KnownNames.Pipeline.Artifacts);

        Assert.Equal(nameof(IncludeAttribute.Namespace), KnownNames.Include.Namespace);
        Assert.Equal(nameof(IncludeAttribute.Inputs), KnownNames.Include.Inputs);
        Assert.Equal(nameof(IncludeAttribute.Outputs), KnownNames.Include.Outputs);
        Assert.Equal(nameof(IncludeAttribute.Parameters), KnownNames.Include.Parameters);
        Assert.Equal(nameof(IncludeAttribute.Tags), KnownNames.Include.Tags);
    }
}
