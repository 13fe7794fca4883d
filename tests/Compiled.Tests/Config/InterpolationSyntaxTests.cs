using Compiled.Config;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>
/// The <c>${…}</c> grammar as a run reads it (<see cref="InterpolationSyntax"/>, the same source the generator compiles;
/// the generator's side is tested in Compiled.Generators.Tests/InterpolationSyntaxTests).
/// </summary>
public sealed class InterpolationSyntaxTests
{
    private static readonly ConfigLocation Here = new("conf/base/catalog.yml", 3, 13);

    private static string? Runtime(string text, Func<string, string?> lookup) => Interpolation.Resolve(text, "runtime", lookup, Here);

    [Fact]
    public void A_default_keeps_its_colons_and_commas_and_the_key_ends_at_the_first_comma()
    {
        Assert.Equal("url=http://host:80/a,b", Runtime("url=${runtime:endpoint, http://host:80/a,b}", _ => null));
        Assert.Equal("url=x", Runtime("url=${runtime:endpoint, http://host:80/a,b}", key => key == "endpoint" ? "x" : null));
    }

    [Fact]
    public void Braces_inside_an_interpolation_balance_so_a_default_may_hold_them()
    {
        Assert.Equal("filter={a: {b: 1}}!", Runtime("filter=${runtime:filter,{a: {b: 1}}}!", _ => null));
    }

    [Fact]
    public void An_interpolation_that_is_never_closed_is_an_error_at_its_place_naming_the_resolver_not_the_value()
    {
        var error = Assert.Throws<ConfigException>(() => Runtime("Password=s3cret;Host=${runtime:host", _ => "h"));

        Assert.Equal(Here, error.Location);
        Assert.Contains("'${runtime:…}' cannot be read: the interpolation is never closed", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void An_interpolation_inside_another_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Runtime("${runtime:a,${env:B}}", _ => null));

        Assert.Contains("an interpolation cannot be written inside another", error.Message);
    }

    [Fact]
    public void Escaped_and_resolverless_dollar_braces_are_text()
    {
        Assert.Equal(@"cost \${runtime:x} in ${HOME} for y", Runtime(@"cost \${runtime:x} in ${HOME} for ${runtime:x}", _ => "y"));
    }

    [Fact]
    public void Another_resolvers_interpolation_is_left_as_written_for_its_own_pass()
    {
        Assert.Equal("${globals:root}/2026/${env:X}", Runtime("${globals:root}/${runtime:year}/${env:X}", _ => "2026"));
    }

    [Fact]
    public void The_tokenizer_reports_each_interpolation_with_its_place_key_and_default()
    {
        var tokens = InterpolationSyntax.Parse("a ${runtime_params:k , d:1} b ${globals:x.y} ${HOME} ${env:Z");

        Assert.Collection(tokens,
            t =>
            {
                Assert.Equal(("${runtime_params:k , d:1}", 2, "runtime_params", "k", "d:1"), (t.Written, t.Start, t.Resolver, t.Key, t.Default));
                Assert.Equal(InterpolationProblem.None, t.Problem);
            },
            t =>
            {
                Assert.Equal(("globals", "x.y", false), (t.Resolver, t.Key, t.HasDefault));
            },
            t =>
            {
                Assert.Equal(("${env:Z", "env", InterpolationProblem.Unterminated), (t.Written, t.Resolver, t.Problem));
            });
    }
}
