using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_editor_signs_in_through_the_form_sees_their_name_and_signs_out()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor, name: "Marie Editor");
        var page = await app.NewPageAsync();

        await page.GotoAsync("/sources");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in?returnUrl=%2Fsources");

        // A wrong password first: a clear message, the email kept.
        await page.GetByLabel("Email").FillAsync(editor.Email);
        await page.GetByLabel("Password").FillAsync("not-my-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is wrong.");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync(editor.Email);

        await page.GetByLabel("Password").FillAsync(editor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/sources");
        var header = page.GetByRole(AriaRole.Banner);
        await Assertions.Expect(header).ToContainTextAsync("Signed in as Marie Editor (Editor)");
        await page.GotoAsync("/topics");
        await Assertions.Expect(header).ToContainTextAsync("Marie Editor");

        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync("**/topics");
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(header).Not.ToContainTextAsync("Marie Editor");
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "__Host-kb-auth");
    }
}
