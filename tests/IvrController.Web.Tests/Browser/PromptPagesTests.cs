using System.Diagnostics;
using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>Prompts as words on the template page: typed, spoken on save, heard back in the page's player; a recording uploaded.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class PromptPagesTests(BrowserConsoleRig rig)
{
    private const string Survey = "外呼满意度";

    [BrowserFact]
    public async Task Words_typed_for_the_guide_are_spoken_on_save_and_play_back_in_the_page()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.GotoAsync("/templates");
        await page.ClickAsync($"#templates tr:has-text('{Survey}') a");
        Assert.Equal(0, await page.Locator("#guide-prompt-audio").CountAsync());

        await page.FillAsync("#guide-prompt-text", "请您为本次服务评分，满意请按1，不满意请按2。");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#outcome");
        await BrowserConsoleRig.ScreenshotAsync(page, "template-prompt-words");

        Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
        string stored = await rig.ScalarAsync<string>($"select guide_prompt from survey_templates where name = '{Survey}'");
        Assert.Equal("请您为本次服务评分，满意请按1，不满意请按2。", await rig.ScalarAsync<string>($"select guide_text from survey_templates where name = '{Survey}'"));
        Assert.StartsWith(rig.PromptsDirectory + "/tts-", stored, StringComparison.Ordinal);
        Assert.True(File.Exists(stored));
        string source = (await page.GetAttributeAsync("#guide-prompt-audio", "src"))!;
        Assert.Equal($"/prompts/{Path.GetFileName(stored)}", source);
        // The browser itself loads and decodes the prompt through the console, with the page's session.
        double seconds = await page.EvalOnSelectorAsync<double>(
            "#guide-prompt-audio",
            "a => new Promise((done, failed) => { a.addEventListener('loadedmetadata', () => done(a.duration)); a.addEventListener('error', () => failed(new Error('audio error ' + (a.error && a.error.code)))); a.preload = 'auto'; a.load(); })");
        Assert.InRange(seconds, 1.0, 15.0);
        IAPIResponse fetched = await page.APIRequest.GetAsync(source);
        Assert.Equal(200, fetched.Status);
        Assert.Equal("audio/wav", fetched.Headers["content-type"]);
        Assert.Equal("RIFF"u8.ToArray(), (await fetched.BodyAsync())[..4]);
    }

    [BrowserFact]
    public async Task An_uploaded_recording_replaces_the_words_of_the_closing_prompt()
    {
        string recording = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-closing.wav");
        var sox = new ProcessStartInfo("sox") { ArgumentList = { "-n", "-r", "22050", "-c", "2", "-b", "16", recording, "synth", "1.2", "sine", "500" } };
        using (Process process = Process.Start(sox)!)
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }

        try
        {
            await rig.Ivrctl.OkAsync("templates", "update", "外呼简短", "--closing-text", "再见。", "--prompts-dir", rig.PromptsDirectory);
            IPage page = await rig.NewPageAsync();
            await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
            await page.GotoAsync("/templates");
            await page.ClickAsync("#templates tr:has-text('外呼简短') a");
            Assert.Equal("再见。", await page.InputValueAsync("#closing-prompt-text"));

            await page.SetInputFilesAsync("#closing-prompt-recording", recording);
            await page.ClickAsync("#save");
            await page.WaitForSelectorAsync("#outcome");

            Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
            string stored = await rig.ScalarAsync<string>("select closing_prompt from survey_templates where name = '外呼简短'");
            Assert.Matches("/rec-[0-9a-f]{32}\\.wav$", stored);
            Assert.True(await rig.ScalarAsync<bool>("select closing_text is null from survey_templates where name = '外呼简短'"));
            Assert.Equal("", await page.InputValueAsync("#closing-prompt-text"));
            Assert.Equal($"/prompts/{Path.GetFileName(stored)}", await page.GetAttributeAsync("#closing-prompt-audio", "src"));
        }
        finally
        {
            File.Delete(recording);
        }
    }
}
