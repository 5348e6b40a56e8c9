using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class TokenCommandsTests(KnowledgeBaseApp app)
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TokenCommands.RunAsync(app.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Issue_prints_the_token_once_list_shows_its_prefix_revoke_ends_it()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);

        var (code, output, _) = await RunAsync("issue", editor.Email, "--name", "nightly import", "--expires-days", "7");
        Assert.Equal(0, code);
        var token = output.Trim();
        var prefix = ApiTokens.ParsePrefix(token);
        Assert.NotNull(prefix);
        Assert.Equal(HttpStatusCode.BadRequest, await app.WriteEmptyClaimAsync(token));

        var (listed, table, _) = await RunAsync("list", editor.Email);
        Assert.Equal(0, listed);
        Assert.Contains($"kb_{prefix}", table, StringComparison.Ordinal);
        Assert.Contains("nightly import", table, StringComparison.Ordinal);
        Assert.Contains("active", table, StringComparison.Ordinal);
        Assert.DoesNotContain(token, table, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("revoke", $"kb_{prefix}")).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, await app.WriteEmptyClaimAsync(token));
        Assert.Contains("revoked", (await RunAsync("list", editor.Email)).Output, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("revoke", $"kb_{prefix}")).Code);
    }

    [Theory]
    [InlineData("issue", "nobody@example.test", "--name", "x")]
    [InlineData("issue", "--name")]
    [InlineData("list", "nobody@example.test")]
    [InlineData("revoke", "000000000000")]
    [InlineData("rotate")]
    public async Task Bad_commands_fail_with_a_message(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.NotEqual("", error.Trim());
    }

    [Theory]
    [InlineData("issue", "--name")]
    [InlineData("issue", "someone@example.test", "--expires-days", "0")]
    [InlineData("issue", "someone@example.test", "--expires-days", "forever")]
    [InlineData("revoke")]
    [InlineData("rotate")]
    public async Task A_line_that_does_not_parse_exits_2_and_says_why(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Contains(args.Contains("--expires-days") ? "--expires-days takes 1 to 3650" : "", error, StringComparison.Ordinal);
    }
}
