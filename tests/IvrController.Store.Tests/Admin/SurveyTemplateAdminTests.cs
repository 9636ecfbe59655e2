using IvrController.Admin;
using IvrController.Rules.Surveys;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class SurveyTemplateAdminTests(PostgresServer server)
{
    [Fact]
    public async Task An_added_template_reads_back_with_its_keys_and_the_id_the_database_gave_it()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "templates_add");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SurveyTemplateAdmin(dataSource, "tester");

        SurveyTemplate added = await admin.AddAsync(Drafts.Survey() with { Id = "ignored", Language = "en" }, CancellationToken.None);

        int id = await Sql.ScalarAsync<int>(connectionString, "select id from survey_templates where name = 'after-sales'");
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), added.Id);
        Assert.Equivalent(Drafts.Survey() with { Id = added.Id, Language = "en" }, await admin.GetAsync("after-sales", CancellationToken.None), strict: true);
        Assert.Equivalent(added, await admin.GetAsync(added.Id, CancellationToken.None), strict: true);
        Assert.Equal(6000, await Sql.ScalarAsync<int>(connectionString, "select timeout_ms from survey_templates"));
        Assert.Equal(["1:满意:5", "2:一般:3", "3:不满意:1"], await Sql.ListAsync<string>(connectionString, "select digit || ':' || label || ':' || score from survey_keys order by digit"));
    }

    [Fact]
    public async Task Updating_keys_replaces_them_as_a_whole_and_other_edits_keep_them()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "templates_keys"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Survey(), CancellationToken.None);

        await admin.UpdateAsync("after-sales", t => t with { Keys = [new('9', "good", 10), new('#', "skip", 0)] }, CancellationToken.None);
        await admin.UpdateAsync("after-sales", t => t with { Retries = 4, Name = "after-sales-v2" }, CancellationToken.None);

        Assert.Null(await admin.GetAsync("after-sales", CancellationToken.None));
        SurveyTemplate? stored = await admin.GetAsync("after-sales-v2", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(4, stored.Retries);
        Assert.Equal([new SurveyKey('#', "skip", 0), new SurveyKey('9', "good", 10)], stored.Keys);
    }

    [Fact]
    public async Task List_gives_every_template_by_name()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "templates_list"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Survey("zz-last"), CancellationToken.None);
        await admin.AddAsync(Drafts.Survey("after-callback", SurveyDirection.Inbound), CancellationToken.None);

        IReadOnlyList<SurveyTemplate> templates = await admin.ListAsync(CancellationToken.None);

        Assert.Equal(["after-callback", "zz-last"], templates.Select(t => t.Name));
        Assert.All(templates, t => Assert.Equal(3, t.Keys.Count));
    }

    public static TheoryData<string, string> BrokenTemplates => new()
    {
        { "key 5 twice", "key '5' is used twice" },
        { "key x", "key 'x' is not a phone key (0-9, * or #)" },
        { "retries 9", "retries 9 is outside 1–5" },
        { "timeout 0", "timeout 0 s is outside 1–60 s" },
        { "no keys", "at least one key is needed" },
        { "prompt with a space", "closing prompt 'thank you' contains a space or line break: play_and_get_digits splits its arguments on spaces" },
        { "digits only name", "name '2024' is only digits, which would read as a template id; add a letter" },
    };

    [Theory]
    [MemberData(nameof(BrokenTemplates))]
    public async Task A_broken_template_is_refused_in_the_rules_words_and_nothing_is_written(string broken, string problem)
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "templates_broken");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        SurveyTemplate draft = Drafts.Survey();
        draft = broken switch
        {
            "key 5 twice" => draft with { Keys = [new('5', "good", 5), new('5', "bad", 1)] },
            "key x" => draft with { Keys = [new('x', "good", 5)] },
            "retries 9" => draft with { Retries = 9 },
            "timeout 0" => draft with { Timeout = TimeSpan.Zero },
            "no keys" => draft with { Keys = [] },
            "prompt with a space" => draft with { ClosingPrompt = "thank you" },
            _ => draft with { Name = "2024" },
        };

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new SurveyTemplateAdmin(dataSource, "tester").AddAsync(draft, CancellationToken.None));

        Assert.Equal($"add template {draft.Name}: {problem}", refused.Message);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from survey_templates"));
    }

    [Fact]
    public async Task A_broken_update_is_refused_and_the_template_stays_as_it_was()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "templates_broken_update"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        SurveyTemplate added = await admin.AddAsync(Drafts.Survey(), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync(
            "after-sales", t => t with { Keys = [new('1', "good", 5), new('1', "bad", 1)], Retries = 0 }, CancellationToken.None));

        Assert.Equal("update template after-sales: key '1' is used twice; retries 0 is outside 1–5", refused.Message);
        Assert.Equivalent(added, await admin.GetAsync("after-sales", CancellationToken.None), strict: true);
    }

    [Fact]
    public async Task A_name_another_template_has_is_refused_by_the_schema_in_words()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "templates_dup"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Survey("after-sales"), CancellationToken.None);
        await admin.AddAsync(Drafts.Survey("other"), CancellationToken.None);

        var added = await Assert.ThrowsAsync<RuleEditException>(() => admin.AddAsync(Drafts.Survey("after-sales"), CancellationToken.None));
        var renamed = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("other", t => t with { Name = "after-sales" }, CancellationToken.None));

        Assert.Equal("add template after-sales: another survey template already has this name", added.Message);
        Assert.Equal("survey_templates_name_key", added.Constraint);
        Assert.Equal("update template other: another survey template already has this name", renamed.Message);
    }

    [Fact]
    public async Task Removing_a_template_with_survey_results_is_refused_with_the_advice_to_disable_it()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "templates_results");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        SurveyTemplate added = await admin.AddAsync(Drafts.Survey(), CancellationToken.None);
        await Sql.ExecuteAsync(connectionString, $"""
            insert into survey_results (call_uuid, template_id, outcome, customer_number, started_at)
            values (gen_random_uuid(), {added.Id}, 'no_answer', '+8613800138000', now())
            """);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => admin.RemoveAsync("after-sales", CancellationToken.None));

        Assert.Equal("remove template after-sales: survey results still refer to this template: disable it instead of removing it", refused.Message);
        Assert.Equal(3L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from survey_keys"));

        await admin.UpdateAsync("after-sales", t => t with { Enabled = false }, CancellationToken.None);
        Assert.False((await admin.GetAsync("after-sales", CancellationToken.None))!.Enabled);
    }

    [Fact]
    public async Task Removing_a_template_the_settings_use_switches_that_survey_off_and_says_so()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "templates_remove");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Survey("after-sales"), CancellationToken.None);
        await admin.AddAsync(Drafts.Survey("spare"), CancellationToken.None);
        await new SettingsAdmin(dataSource, "tester").UpdateAsync(new SettingsChange { OutboundSurvey = SurveyChoice.Of("after-sales") }, CancellationToken.None);

        SurveyTemplateRemoval used = await admin.RemoveAsync("after-sales", CancellationToken.None);
        SurveyTemplateRemoval unused = await admin.RemoveAsync("spare", CancellationToken.None);

        Assert.Equal([SurveyDirection.Outbound], used.SurveysSwitchedOff);
        Assert.Empty(unused.SurveysSwitchedOff);
        Assert.Equal("after-sales", used.Template.Name);
        Assert.Null((await new SettingsAdmin(dataSource, "tester").GetAsync(CancellationToken.None)).Settings.OutboundSurveyTemplateId);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from survey_keys"));
    }

    [Fact]
    public async Task A_template_the_settings_use_cannot_be_disabled_or_turned_to_the_other_direction()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "templates_in_use"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Survey("after-sales"), CancellationToken.None);
        await new SettingsAdmin(dataSource, "tester").UpdateAsync(new SettingsChange { OutboundSurvey = SurveyChoice.Of("after-sales") }, CancellationToken.None);

        var disabled = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("after-sales", t => t with { Enabled = false }, CancellationToken.None));
        var turned = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("after-sales", t => t with { Direction = SurveyDirection.Inbound }, CancellationToken.None));

        Assert.Equal("update template after-sales: it is the outbound survey in the settings, so it cannot be disabled; switch the outbound survey off or choose another first", disabled.Message);
        Assert.Equal("update template after-sales: it is the outbound survey in the settings, so it must stay a survey for outbound calls; choose another outbound survey first", turned.Message);
        Assert.True((await admin.GetAsync("after-sales", CancellationToken.None))!.Enabled);
    }

    [Fact]
    public async Task Editing_or_removing_a_template_that_does_not_exist_is_refused_by_name()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "templates_missing"));
        var admin = new SurveyTemplateAdmin(dataSource, "tester");

        var updated = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("ghost", t => t, CancellationToken.None));
        var removed = await Assert.ThrowsAsync<RuleEditException>(() => admin.RemoveAsync("42", CancellationToken.None));

        Assert.Equal("update template ghost: there is no survey template 'ghost'", updated.Message);
        Assert.Equal("remove template 42: there is no survey template '42'", removed.Message);
    }
}
