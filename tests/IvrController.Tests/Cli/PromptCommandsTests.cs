using System.Diagnostics;
using IvrController.Admin.Prompts;
using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary>Prompts given as words or recordings with ivrctl, spoken by the real espeak-ng and sox.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PromptCommandsTests(PostgresServer postgres) : IDisposable
{
    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("ivrctl-prompts-");

    private string[] Prompts => ["--prompts-dir", _prompts.FullName, "--prompts-switch-dir", "/switch/prompts"];

    public void Dispose() => _prompts.Delete(recursive: true);

    [Fact]
    public async Task Templates_add_with_words_speaks_each_prompt_and_show_prints_the_words_and_the_switchs_path()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_prompts_words");

        var added = await db.RunAsync([
            "templates", "add", "spoken", "--direction", "outbound", "--key", "1=满意:5", "--key", "2=不满意:1",
            "--closing-text", "感谢您的评价，再见。", "--invalid-text", "按键无效。", "--timeout-text", "没有收到您的评价。", .. Prompts]);
        var show = await db.RunAsync("templates", "show", "spoken");

        AdminDatabase.Confirms("Added survey template spoken (id 1, outbound, 2 keys).", added);
        string[] files = _prompts.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, files.Length);
        Assert.All(files, f => Assert.Matches("^tts-[0-9a-f]{32}\\.wav$", f));
        Assert.All(_prompts.GetFiles(), f => Assert.True(WavFormat.Read(File.ReadAllBytes(f.FullName))!.IsTelephony));
        Assert.Contains("guide-text      满意请按1，不满意请按2。", show.Output, StringComparison.Ordinal);
        Assert.Contains("closing-text    感谢您的评价，再见。", show.Output, StringComparison.Ordinal);
        string[] paths = show.Output.Split(Environment.NewLine)
            .Where(l => l.StartsWith("guide ", StringComparison.Ordinal) || l.StartsWith("closing ", StringComparison.Ordinal)
                || l.StartsWith("invalid ", StringComparison.Ordinal) || l.StartsWith("timeout-prompt ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files.Select(f => $"/switch/prompts/{f}").Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public async Task Templates_update_takes_a_recording_for_one_prompt_and_a_file_name_clears_the_words()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_prompts_recording");
        await db.RunAsync(["templates", "add", "t", "--direction", "outbound", "--key", "1=ok:1", "--closing", "survey_closing", "--invalid", "survey_invalid", "--timeout-prompt", "survey_timeout", .. Prompts]);
        string recording = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.wav");
        await SoxAsync("-n", "-r", "16000", "-c", "1", "-b", "16", recording, "synth", "1", "sine", "300");
        try
        {
            var recorded = await db.RunAsync(["templates", "update", "t", "--closing-recording", recording, .. Prompts]);
            var named = await db.RunAsync("templates", "update", "t", "--guide", "survey_guide_outbound");
            var show = await db.RunAsync("templates", "show", "t");

            Assert.Equal(ExitCodes.Success, recorded.ExitCode);
            Assert.Equal(ExitCodes.Success, named.ExitCode);
            string rec = Assert.Single(_prompts.GetFiles("rec-*.wav")).Name;
            Assert.Contains($"closing         /switch/prompts/{rec}", show.Output, StringComparison.Ordinal);
            Assert.Contains("guide           survey_guide_outbound", show.Output, StringComparison.Ordinal);
            Assert.Contains("guide-text      -", show.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(recording);
        }
    }

    [Fact]
    public async Task Two_ways_for_one_prompt_words_without_a_directory_and_a_bad_recording_are_each_one_line()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_prompts_refused");
        await db.RunAsync("templates", "add", "t", "--direction", "outbound", "--key", "1=ok:1", "--guide", "g", "--closing", "c", "--invalid", "i", "--timeout-prompt", "t");
        using var notWav = new TempFile("not audio", "x.wav");

        AdminDatabase.FailsWith("Give one of --guide, --guide-text and --guide-recording, not more.",
            await db.RunAsync(["templates", "update", "t", "--guide", "g2", "--guide-text", "请评价", .. Prompts]));
        AdminDatabase.FailsWith(
            "update template t: the guide prompt is given as words, but no prompts directory is set to speak them into (Prompts:Directory; for ivrctl --prompts-dir or IVR_PROMPTS_DIR)",
            await db.RunAsync("templates", "update", "t", "--guide-text", "请评价"));
        AdminDatabase.FailsWith($"--closing-recording {notWav.Path}: the recording is not a WAV file (RIFF/WAVE with a fmt and a data chunk).",
            await db.RunAsync(["templates", "update", "t", "--closing-recording", notWav.Path, .. Prompts]));
        AdminDatabase.FailsWith("--prompts-dir 'relative/dir' must be an absolute path.",
            await db.RunAsync("templates", "update", "t", "--guide-text", "请评价", "--prompts-dir", "relative/dir"));
        Assert.Empty(_prompts.GetFiles());
        Assert.Equal("g", await db.ScalarAsync<string>("select guide_prompt from survey_templates"));
    }

    [Fact]
    public async Task Menus_take_their_greeting_as_words_in_the_language_they_are_written_in()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_prompts_menu", AdminDatabase.People);
        await db.RunAsync("menus", "add", "main", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "1=skill_group:sales");

        var updated = await db.RunAsync(["menus", "update", "main", "--greeting-text", "Welcome. For sales press 1.", .. Prompts]);
        var show = await db.RunAsync("menus", "show", "main");

        AdminDatabase.Confirms("Updated menu main (1 option, default hangup).", updated);
        string file = Assert.Single(_prompts.GetFiles()).Name;
        var studio = new PromptStudio(new PromptsOptions { Directory = _prompts.FullName });
        Assert.Equal(studio.FileNameFor("en", "Welcome. For sales press 1."), file);
        Assert.Contains($"greeting        /switch/prompts/{file}", show.Output, StringComparison.Ordinal);
        Assert.Contains("greeting-text   Welcome. For sales press 1.", show.Output, StringComparison.Ordinal);
    }

    private static async Task SoxAsync(params string[] args)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process sox = Process.Start(start)!;
        string errors = await sox.StandardError.ReadToEndAsync();
        await sox.WaitForExitAsync();
        Assert.True(sox.ExitCode == 0, errors);
    }
}
