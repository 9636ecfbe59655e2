using IvrController.Admin;
using IvrController.Admin.Prompts;
using IvrController.Rules.Ivr;
using IvrController.Rules.Surveys;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Admin.Prompts;

/// <summary>Survey templates and IVR menus given as words, through the admin classes on a real database with the real tools.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SpokenTemplateTests(PostgresServer server)
{
    [Fact]
    public async Task Words_are_spoken_on_save_and_the_template_stores_the_path_the_switch_plays_with_the_words()
    {
        using var tools = new PromptTools(switchDirectory: "/switch/prompts");
        string connectionString = await MigratedDatabase.CreateAsync(server, "spoken_add");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SurveyTemplateAdmin(dataSource, "tester", tools.Studio);

        SurveyTemplate added = await admin.AddAsync(
            Drafts.Survey() with { GuidePrompt = "", GuideText = "请您评价：满意请按1。", ClosingText = "感谢您的评价，再见。" }, CancellationToken.None);

        string guide = tools.Studio.SwitchPathOf(tools.Studio.FileNameFor("zh-CN", "请您评价：满意请按1。"));
        string closing = tools.Studio.SwitchPathOf(tools.Studio.FileNameFor("zh-CN", "感谢您的评价，再见。"));
        Assert.Equal((guide, closing), (added.GuidePrompt, added.ClosingPrompt));
        Assert.Equal(
            [$"{guide}|请您评价：满意请按1。|{closing}|感谢您的评价，再见。|survey_invalid|-"],
            await Sql.ListAsync<string>(connectionString,
                "select guide_prompt || '|' || guide_text || '|' || closing_prompt || '|' || closing_text || '|' || invalid_prompt || '|' || coalesce(invalid_text, '-') from survey_templates"));
        Assert.Equal(2, tools.Files().Length);
        Assert.All(tools.Files(), f => Assert.True(WavFormat.Read(File.ReadAllBytes(Path.Combine(tools.Directory, f)))!.IsTelephony));
    }

    [Fact]
    public async Task A_template_with_keys_and_no_guide_gets_one_made_from_the_keys_which_follows_the_keys()
    {
        using var tools = new PromptTools();
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "spoken_guide"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester", tools.Studio);

        SurveyTemplate added = await admin.AddAsync(Drafts.Survey() with { GuidePrompt = "" }, CancellationToken.None);
        SurveyTemplate updated = await admin.UpdateAsync("after-sales", t => t with { Keys = [new('1', "满意", 5), new('2', "不满意", 1)] }, CancellationToken.None);

        Assert.Equal("满意请按1，一般请按2，不满意请按3。", added.GuideText);
        Assert.Equal(tools.Studio.SwitchPathOf(tools.Studio.FileNameFor("zh-CN", added.GuideText!)), added.GuidePrompt);
        Assert.Equal("满意请按1，不满意请按2。", updated.GuideText);
        Assert.Equal(tools.Studio.SwitchPathOf(tools.Studio.FileNameFor("zh-CN", updated.GuideText!)), updated.GuidePrompt);
        Assert.Equal(2, tools.Files().Length);
    }

    [Fact]
    public async Task When_espeak_ng_is_missing_the_save_is_refused_in_the_admins_words_and_nothing_is_written()
    {
        using var tools = new PromptTools(change: o => o.Espeak = "/nonexistent/espeak-ng");
        string connectionString = await MigratedDatabase.CreateAsync(server, "spoken_missing");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SurveyTemplateAdmin(dataSource, "tester", tools.Studio);
        await admin.AddAsync(Drafts.Survey(), CancellationToken.None);

        var added = await Assert.ThrowsAsync<RuleEditException>(() => admin.AddAsync(Drafts.Survey("other") with { ClosingText = "再见" }, CancellationToken.None));
        var updated = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("after-sales", t => t with { Retries = 3, GuideText = "请评价" }, CancellationToken.None));

        Assert.StartsWith("add template other: the words of the closing prompt could not be spoken: espeak-ng is not installed on this controller", added.Message, StringComparison.Ordinal);
        Assert.StartsWith("update template after-sales: the words of the guide prompt could not be spoken: espeak-ng is not installed", updated.Message, StringComparison.Ordinal);
        Assert.Equal(["after-sales|survey_guide_outbound|2"], await Sql.ListAsync<string>(connectionString, "select name || '|' || guide_prompt || '|' || retries from survey_templates"));
        Assert.Empty(tools.Files());
    }

    [Fact]
    public async Task Words_without_a_prompts_directory_are_refused_but_file_named_templates_keep_working()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "spoken_nodir");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Survey(), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("after-sales", t => t with { TimeoutText = "没有收到" }, CancellationToken.None));
        SurveyTemplate kept = await admin.UpdateAsync("after-sales", t => t with { Retries = 4 }, CancellationToken.None);

        Assert.Equal(
            "update template after-sales: the timeout prompt is given as words, but no prompts directory is set to speak them into (Prompts:Directory; for ivrctl --prompts-dir or IVR_PROMPTS_DIR)",
            refused.Message);
        Assert.Equal(("survey_guide_outbound", 4, null), (kept.GuidePrompt, kept.Retries, kept.GuideText));
    }

    [Fact]
    public async Task Words_too_long_are_the_rules_refusal_and_nothing_is_spoken()
    {
        using var tools = new PromptTools();
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "spoken_long"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester", tools.Studio);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => admin.AddAsync(Drafts.Survey() with { InvalidText = new string('好', 501) }, CancellationToken.None));

        Assert.Equal("add template after-sales: the words of the invalid prompt are 501 characters long; at most 500 (a caller will not wait through more)", refused.Message);
        Assert.Empty(tools.Files());
    }

    [Fact]
    public async Task A_menu_greeting_given_as_words_is_spoken_in_the_language_it_is_written_in()
    {
        using var tools = new PromptTools();
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "spoken_menu"));
        var admin = new IvrMenuAdmin(dataSource, "tester", tools.Studio);
        await admin.AddAsync(Drafts.Menu() with { GreetingText = "欢迎致电，请按1。" }, CancellationToken.None);

        IvrMenu updated = await admin.UpdateAsync("main", m => m with { TimeoutText = "We did not hear a key." }, CancellationToken.None);

        Assert.Equal(tools.Studio.SwitchPathOf(tools.Studio.FileNameFor("zh-CN", "欢迎致电，请按1。")), updated.Greeting);
        Assert.Equal(tools.Studio.SwitchPathOf(tools.Studio.FileNameFor("en", "We did not hear a key.")), updated.TimeoutPrompt);
        Assert.Equal("ivr_invalid", updated.InvalidPrompt);
        IvrMenu stored = (await admin.GetAsync("main", CancellationToken.None))!;
        Assert.Equal(("欢迎致电，请按1。", "We did not hear a key.", updated.Greeting), (stored.GreetingText, stored.TimeoutText, stored.Greeting));
        Assert.Equal(2, tools.Files().Length);
    }
}
