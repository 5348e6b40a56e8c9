using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests;

/// <summary>The seeded app on a real loopback port, and one headless Chromium (Debian's, never a downloaded one).</summary>
public sealed class BrowserApp : KnowledgeBaseApp
{
    private IPlaywright? _playwright;

    protected override bool RealServer => true;

    public IBrowser Browser { get; private set; } = null!;

    public async Task StartBrowserAsync()
    {
        if (_playwright is not null)
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KB_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        await StartBrowserAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress.ToString() });
        SlowMachineNavigation(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Navigations may take up to 90 s: CI runs these tests beside the integration tests on two cores, where the first
    /// render of a long page (compare, 280 KB) has passed Playwright's 30 s default. Assertions keep their own timeouts.
    /// </summary>
    private static void SlowMachineNavigation(IBrowserContext context) => context.SetDefaultNavigationTimeout(90_000);

    private static int _editorContexts;

    /// <summary>
    /// A browser context of its own, signed in as <paramref name="account"/>, on an editor page once it is connected
    /// to the server (both editor pages mark themselves data-interactive then). <paramref name="prepare"/> runs on the
    /// context before any page loads (init scripts, routes).
    /// </summary>
    public async Task<IPage> SignedInPageAsync(TestAccount account, string url, Func<IBrowserContext, Task>? prepare = null)
    {
        // A loopback address of its own for each editor, so these sign-ins never meet the per-address sign-in limit.
        await StartBrowserAsync();
        var n = Interlocked.Increment(ref _editorContexts);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ServerAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { [TestClientAddress.Header] = $"127.3.{(n >> 8) & 255}.{n & 255}" },
        });
        SlowMachineNavigation(context);
        if (prepare is not null)
        {
            await prepare(context);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync(Links.SignIn(url));
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The address is enough here (a busy machine may be slow to fire "load"); readiness is the marker below.
        await page.WaitForURLAsync("**" + url, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-interactive]").WaitForAsync();
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
