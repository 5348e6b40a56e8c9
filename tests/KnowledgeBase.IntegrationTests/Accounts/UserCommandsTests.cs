using KnowledgeBase.Testing;
using KnowledgeBase.Web;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Accounts;

/// <summary>`user add` and `user list` as the launcher runs them, the password read from standard input.</summary>
[Collection(AppCollection.Name)]
public sealed class UserCommandsTests(KnowledgeBaseApp app)
{
    private async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = UserCommands.Command(app.Services, new StringReader(input), interactive: false);
        var code = await CommandLines.InvokeAsync(command, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Add_reads_the_password_from_stdin_and_list_shows_the_account()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.test";

        var (code, output, error) = await RunAsync("a long enough passphrase\n", "add", email, "--role", "editor", "--name", "Command Line");

        Assert.Equal((0, ""), (code, error));
        Assert.Equal($"added {email} (Editor, shown as \"Command Line\")", output.Trim());
        var (listed, table, _) = await RunAsync("", "list");
        Assert.Equal(0, listed);
        Assert.Contains(email, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_password_is_reported_by_field_and_exits_1()
    {
        var (code, output, error) = await RunAsync("short\n", "add", $"cli-{Guid.NewGuid():N}@example.test", "--role", "Admin");

        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("user add: password: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add", "someone@example.test")]
    [InlineData("add", "--role", "Editor")]
    [InlineData("add", "someone@example.test", "--role", "Owner")]
    [InlineData("add", "someone@example.test", "other@example.test", "--role", "Editor")]
    [InlineData("add", "someone@example.test", "--role")]
    [InlineData("remove", "someone@example.test")]
    [InlineData]
    public async Task Bad_arguments_exit_2_with_what_is_wrong_on_stderr_alone(params string[] args)
    {
        var (code, output, error) = await RunAsync("a long enough passphrase\n", args);

        Assert.Equal((2, ""), (code, output));
        Assert.NotEqual("", error.Trim());
    }
}
