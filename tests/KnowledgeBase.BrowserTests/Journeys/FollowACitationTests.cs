using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class FollowACitationTests(BrowserApp app)
{
    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_a_claim_and_lands_on_the_highlighted_passage()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "North Korean troops in Russia" }).First.ClickAsync();
        await page.WaitForURLAsync("**/topics/troop-deployment");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kursk" }).First.ClickAsync();
        await page.WaitForURLAsync("**/claims/*/troops-in-kursk");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kursk");
        await Assertions.Expect(page.Locator(".agreement").First).ToContainTextAsync("Sources agree");

        var card = page.Locator(".citation-card").Filter(new() { HasText = "MP-IDSA" });
        var quote = (await card.Locator(".quote-exact").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Link, new() { Name = "Read in context" }).ClickAsync();

        await page.WaitForURLAsync("**/sources/idsa-2024-south-korea-response#passage-*");
        var fragment = new Uri(page.Url).Fragment.TrimStart('#');
        var anchor = page.Locator($"[id='{fragment}']");
        var marked = anchor.Locator("xpath=following-sibling::mark[1]");
        await Assertions.Expect(marked).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("passage"));
        await Assertions.Expect(marked).ToBeInViewportAsync();
        var markedText = await page.EvaluateAsync<string>(
            @"id => { const a = document.getElementById(id); let t = ''; let n = a.nextElementSibling;
                      while (n && n.tagName === 'MARK') { t += n.textContent; n = n.nextElementSibling; } return t; }",
            fragment);
        Assert.StartsWith(quote[..Math.Min(40, quote.Length)], markedText.Trim());
    }
}
