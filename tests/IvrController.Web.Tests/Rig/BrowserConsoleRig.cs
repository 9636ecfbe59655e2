using Microsoft.Playwright;

namespace IvrController.Web.Tests.Rig;

/// <summary>A <see cref="ConsoleRig"/> with one headless chromium for the whole test class; each test opens its own context (cookies).</summary>
public class BrowserConsoleRig : ConsoleRig
{
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("IVR_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where the tests leave their screenshots (README's pictures are taken from here).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "test-logs", "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>
    /// A shared rig logs in once per test, more than the default ten a minute from one address; the throttle has its
    /// own test (LoginThrottleTests), so here it is set out of reach.
    /// </summary>
    protected override IEnumerable<string> Settings => ["--Web:LoginAttemptsPerMinute=1000"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) at the given width, its pages' addresses relative to the console.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        // The machine may be busy (2 cores, shared): a first page can take a while to render; a minute is still a bound.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the login form and lands on the settings page.</summary>
    public static async Task LogInAsync(IPage page, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/login");
        await page.FillAsync("#Name", name);
        await page.FillAsync("#Password", password);
        IResponse answer = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync(".login button[type=submit]"),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/login");
        if (answer.Status == 429)
        {
            throw new InvalidOperationException($"the console throttled the login of {name} (429): too many logins from one address in a minute");
        }

        // Landed when the settings page's heading is there: its document is what the tests read. Waiting for the load
        // event as well once sat out its whole minute on a busy machine (the event never reached the test).
        await page.WaitForURLAsync("**/settings", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("main h1").WaitForAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"console-{name}.png"), FullPage = true });
    }
}
