using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.UnitTests.Accounts;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_common_password_list_is_long_and_lower_case()
    {
        var list = PasswordPolicy.CommonPasswords;

        Assert.True(list.Count >= 1000, $"{list.Count} entries");
        Assert.True(list.Count(p => p.Length >= PasswordPolicy.MinimumLength) >= 500, "most refusals matter only at 8+ characters");
        Assert.All(list, p => Assert.Equal(p.ToLowerInvariant(), p));
        Assert.DoesNotContain(list, p => p.StartsWith('#') || p.Trim() != p || p.Length == 0);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("password")]
    [InlineData("qwerty123")]
    [InlineData("Password123")]
    [InlineData("PASSWORD1")]
    [InlineData("iloveyou")]
    [InlineData("1q2w3e4r")]
    [InlineData("letmein!")]
    [InlineData("sunshine2024")]
    [InlineData(" trustno1 ")]
    public void Well_known_passwords_are_common_in_any_case(string password) =>
        Assert.True(PasswordPolicy.IsCommon(password));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("a-fine-passphrase")]
    [InlineData("Plinth&Marmalade")]
    public void Unusual_passwords_are_not_common(string password) =>
        Assert.False(PasswordPolicy.IsCommon(password));

    private static async Task<IdentityResult> ValidateAsync(string password, string email = "ada@example.org") =>
        await new CommonPasswordValidator().ValidateAsync(null!, new EditorUser { Email = email, UserName = email }, password);

    [Fact]
    public async Task The_validator_refuses_a_common_password()
    {
        var result = await ValidateAsync("qwerty123");

        Assert.False(result.Succeeded);
        Assert.Equal(CommonPasswordValidator.CommonCode, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("ADA@EXAMPLE.ORG")]
    public async Task The_validator_refuses_the_accounts_own_email(string password)
    {
        var result = await ValidateAsync(password);

        Assert.Equal(CommonPasswordValidator.ContextCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task The_validator_refuses_the_local_part_of_a_long_enough_email()
    {
        var result = await ValidateAsync("margaret.hamilton", "margaret.hamilton@example.org");

        Assert.Equal(CommonPasswordValidator.ContextCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task The_validator_refuses_an_over_long_password()
    {
        var result = await ValidateAsync(new string('x', PasswordPolicy.MaximumLength + 1));

        Assert.Equal(CommonPasswordValidator.TooLongCode, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("a-fine-passphrase")]
    [InlineData("no rules: spaces, ünïcödé and 😀 are fine")]
    [InlineData("abcdefgh-but-long")]
    public async Task The_validator_accepts_any_uncommon_password_without_composition_rules(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded);
}
