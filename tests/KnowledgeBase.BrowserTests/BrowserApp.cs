using KnowledgeBase.Testing;
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
        return await context.NewPageAsync();
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
