using Xunit;

namespace Compiled.Templates.Tests;

/// <summary>The template tests share one packed feed and one template installation (<see cref="TemplateFeed"/>).</summary>
[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateFeed>
{
    public const string Name = "templates";
}
