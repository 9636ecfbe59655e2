using Xunit;

namespace IvrController.Web.Tests.Rig;

/// <summary>
/// A test in a real browser: Debian's chromium (IVR_TEST_CHROMIUM, else /usr/bin/chromium), driven by Playwright.
/// Without it the test is reported skipped with the reason, never passed; scripts/test.sh installs it when run as root.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserConsoleRig.ChromiumPath))
        {
            Skip = $"NOT RUN: no chromium at {BrowserConsoleRig.ChromiumPath} for the browser tests (apt-get install chromium, or set IVR_TEST_CHROMIUM; scripts/test.sh installs it when run as root).";
        }
    }
}
