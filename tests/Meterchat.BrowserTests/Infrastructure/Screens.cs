using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>Screenshots saved with the test results (TestResults/screens next to the test binaries) for a person to look at.</summary>
public static class Screens
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screens");

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name), FullPage = fullPage });
    }
}
