using System.Buffers.Binary;
using System.Diagnostics;
using IvrController.Admin.Prompts;
using Xunit;

namespace IvrController.Store.Tests.Admin.Prompts;

public sealed class PromptStudioTests
{
    [Theory]
    [InlineData("zh-CN", "感谢您的来电，再见。")]
    [InlineData("en", "Thank you for calling. Goodbye.")]
    public async Task Words_become_an_8_kHz_mono_16_bit_wav_the_switch_finds_under_its_own_path(string language, string words)
    {
        using var tools = new PromptTools(switchDirectory: "/srv/switch-view/prompts");

        string path = await tools.Studio.SpeakAsync(language, words, CancellationToken.None);

        string name = tools.Studio.FileNameFor(language, words);
        Assert.Equal($"/srv/switch-view/prompts/{name}", path);
        Assert.Equal([name], tools.Files());
        byte[] file = await File.ReadAllBytesAsync(Path.Combine(tools.Directory, name));
        // The header read by hand, not by the code under test.
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(file, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(file, 8, 4));
        Assert.Equal("fmt ", System.Text.Encoding.ASCII.GetString(file, 12, 4));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(20)));     // PCM
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(22)));     // mono
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(24))); // 8 kHz
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(34)));    // 16-bit
        WavFormat format = WavFormat.Read(file)!;
        Assert.InRange(format.Duration.TotalSeconds, 1.0, 10.0);
        Assert.True(HasSound(file), "the prompt is silence");
    }

    [Fact]
    public async Task The_same_words_and_voice_are_rendered_once_and_other_words_or_languages_get_other_names()
    {
        using var tools = new PromptTools();
        string first = await tools.Studio.SpeakAsync("en", "Please hold.", CancellationToken.None);
        string local = Path.Combine(tools.Directory, Path.GetFileName(first));
        File.SetLastWriteTimeUtc(local, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        string again = await tools.Studio.SpeakAsync("en", "Please hold.", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(local));
        Assert.NotEqual(tools.Studio.FileNameFor("en", "Please hold."), tools.Studio.FileNameFor("en", "Please hold!"));
        Assert.NotEqual(tools.Studio.FileNameFor("en", "Please hold."), tools.Studio.FileNameFor("zh-CN", "Please hold."));
        Assert.Matches("^tts-[0-9a-f]{32}\\.wav$", Path.GetFileName(first));
    }

    [Fact]
    public async Task Without_espeak_ng_the_words_are_refused_in_a_sentence_and_nothing_is_written()
    {
        using var tools = new PromptTools(change: o => o.Espeak = "/nonexistent/espeak-ng");

        var refused = await Assert.ThrowsAsync<PromptRenderingException>(() => tools.Studio.SpeakAsync("zh-CN", "您好", CancellationToken.None));

        Assert.StartsWith("espeak-ng is not installed on this controller", refused.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install espeak-ng sox", refused.Message, StringComparison.Ordinal);
        Assert.Empty(tools.Files());
    }

    [Fact]
    public async Task A_failing_sox_is_named_with_its_exit_code_and_nothing_is_written()
    {
        using var tools = new PromptTools(change: o => o.Sox = "false");

        var refused = await Assert.ThrowsAsync<PromptRenderingException>(() => tools.Studio.SpeakAsync("en", "Hello there.", CancellationToken.None));

        Assert.Equal("sox failed (exit code 1)", refused.Message);
        Assert.Empty(tools.Files());
    }

    [Fact]
    public async Task An_unknown_voice_is_refused_rather_than_spoken_with_espeak_ngs_default_voice()
    {
        using var tools = new PromptTools(change: o => o.EnglishVoice = "no-such-voice");

        var refused = await Assert.ThrowsAsync<PromptRenderingException>(() => tools.Studio.SpeakAsync("en", "Hello there.", CancellationToken.None));

        Assert.Equal("espeak-ng has no voice 'no-such-voice' (espeak-ng --voices lists them; set Prompts:EnglishVoice)", refused.Message);
        Assert.Empty(tools.Files());
    }

    [Theory]
    [InlineData("zh-CN", "cmn")]
    [InlineData("zh-CN", "sit/cmn-Latn-pinyin")]
    [InlineData("en", "en-gb")]
    public async Task A_voice_given_by_language_or_file_name_is_known(string language, string voice)
    {
        using var tools = new PromptTools(change: o => (o.EnglishVoice, o.MandarinVoice) = (voice, voice));

        string path = await tools.Studio.SpeakAsync(language, "ni hao", CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(tools.Directory, Path.GetFileName(path))));
    }

    [Fact]
    public async Task A_cd_quality_stereo_recording_is_converted_to_telephone_format()
    {
        using var tools = new PromptTools();
        string recording = Path.Combine(tools.Directory, "..", $"{Guid.NewGuid():N}-upload.wav");
        await RunAsync("sox", "-n", "-r", "44100", "-c", "2", "-b", "16", recording, "synth", "1.5", "sine", "440");
        try
        {
            byte[] upload = await File.ReadAllBytesAsync(recording);
            string path = await tools.Studio.TakeRecordingAsync(upload, CancellationToken.None);

            string name = Path.GetFileName(path);
            Assert.Matches("^rec-[0-9a-f]{32}\\.wav$", name);
            Assert.Equal([name], tools.Files());
            WavFormat format = WavFormat.Read(await File.ReadAllBytesAsync(Path.Combine(tools.Directory, name)))!;
            Assert.True(format.IsTelephony, $"{format}");
            Assert.InRange(format.Duration.TotalSeconds, 1.45, 1.55);
            Assert.Equal(path, await tools.Studio.TakeRecordingAsync(upload, CancellationToken.None));
        }
        finally
        {
            File.Delete(recording);
        }
    }

    [Fact]
    public async Task Something_that_is_not_a_wav_file_or_too_large_is_refused_before_sox_runs()
    {
        using var tools = new PromptTools(change: o => o.MaxRecordingBytes = 4096);

        var notWav = await Assert.ThrowsAsync<PromptRenderingException>(() => tools.Studio.TakeRecordingAsync("ID3\u0004 an mp3"u8.ToArray(), CancellationToken.None));
        var tooLarge = await Assert.ThrowsAsync<PromptRenderingException>(() => tools.Studio.TakeRecordingAsync(new byte[5000], CancellationToken.None));

        Assert.Equal("the recording is not a WAV file (RIFF/WAVE with a fmt and a data chunk)", notWav.Message);
        Assert.Equal("the recording is 4 KiB; at most 4 KiB is accepted", tooLarge.Message);
        Assert.Empty(tools.Files());
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("tts-0123456789abcdef0123456789abcdef.wav/../x")]
    [InlineData(".tts-0123456789abcdef0123456789abcdef.wav.1.tmp")]
    [InlineData("TTS-0123456789ABCDEF0123456789ABCDEF.wav")]
    [InlineData("survey_closing.wav")]
    public void Only_the_studios_own_names_are_files_of_the_prompts_directory(string name)
    {
        using var tools = new PromptTools();
        File.WriteAllText(Path.Combine(tools.Directory, "survey_closing.wav"), "x");

        Assert.False(PromptStudio.IsPromptFileName(name));
        Assert.Null(tools.Studio.LocalPathOf(name));
    }

    [Fact]
    public void A_stored_prompt_is_a_file_of_the_studio_only_under_the_switchs_view_of_the_directory()
    {
        using var tools = new PromptTools(switchDirectory: "/mnt/prompts/");
        const string Name = "tts-0123456789abcdef0123456789abcdef.wav";

        Assert.Equal(Name, tools.Studio.FileNameOf($"/mnt/prompts/{Name}"));
        Assert.Null(tools.Studio.FileNameOf($"/elsewhere/{Name}"));
        Assert.Null(tools.Studio.FileNameOf("survey_guide_outbound"));
        Assert.Null(tools.Studio.FileNameOf("/mnt/prompts/../etc/passwd"));
    }

    [Theory]
    [InlineData(null, "/var/prompts", "Prompts:SwitchDirectory is set but Prompts:Directory is not: the controller needs its own view of the prompts directory to write into")]
    [InlineData("prompts", null, "Prompts:Directory 'prompts' must be an absolute path")]
    [InlineData("/var/prompts", "/mnt/my prompts", "Prompts:SwitchDirectory '/mnt/my prompts' contains a space: play_and_get_digits splits its arguments on spaces")]
    [InlineData("/var/prompts", "relative", "Prompts:SwitchDirectory 'relative' must be an absolute path as the switch sees it")]
    public void Settings_that_cannot_work_are_named(string? directory, string? switchDirectory, string problem)
    {
        var options = new PromptsOptions { Directory = directory, SwitchDirectory = switchDirectory };

        Assert.Equal([problem], options.Problems());
    }

    private static bool HasSound(byte[] wav)
    {
        int peak = 0;
        for (int i = 44; i + 1 < wav.Length; i += 2)
        {
            peak = Math.Max(peak, Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(i))));
        }

        return peak > 3000;
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
    }
}
