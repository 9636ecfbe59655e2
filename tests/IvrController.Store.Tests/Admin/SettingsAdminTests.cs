using IvrController.Admin;
using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;
using IvrController.Rules.Surveys;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class SettingsAdminTests(PostgresServer server)
{
    [Fact]
    public async Task A_fresh_database_has_the_rules_defaults_and_no_surveys()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "settings_fresh"));

        SettingsView view = await new SettingsAdmin(dataSource, "tester").GetAsync(CancellationToken.None);

        Assert.Equivalent(new Rules.Settings.RuleSettings(), view.Settings, strict: true);
        Assert.Null(view.OutboundSurveyName);
        Assert.Null(view.InboundSurveyName);
    }

    [Fact]
    public async Task Setting_some_fields_changes_those_and_keeps_the_rest()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "settings_subset");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new SettingsAdmin(dataSource, "tester");

        await admin.UpdateAsync(new SettingsChange { CallerIdRule = CallerIdRule.SameRegion, CallbackWindow = TimeSpan.FromDays(3) }, CancellationToken.None);
        SettingsView view = (await admin.UpdateAsync(
            new SettingsChange { NumberProtection = NumberProtectionMode.CustomerId, CallbackMode = CallbackMode.OriginalAgentOnly, CallbackRingTimeout = TimeSpan.FromSeconds(30) },
            CancellationToken.None)).After;

        Assert.Equal(CallerIdRule.SameRegion, view.Settings.CallerIdRule);
        Assert.Equal(CandidatePick.Random, view.Settings.CandidatePick);
        Assert.Equal(NumberProtectionMode.CustomerId, view.Settings.NumberProtection);
        Assert.Equivalent(
            new CallbackSettings { Enabled = true, Mode = CallbackMode.OriginalAgentOnly, Window = TimeSpan.FromHours(72), RingTimeout = TimeSpan.FromSeconds(30) },
            view.Settings.Callback,
            strict: true);
        Assert.Equal("same_region", await Sql.ScalarAsync<string>(connectionString, "select caller_id_rule from settings"));
        Assert.Equal(TimeSpan.FromDays(3), await Sql.ScalarAsync<TimeSpan>(connectionString, "select callback_window from settings"));
        Assert.Equivalent(view, await admin.GetAsync(CancellationToken.None), strict: true);
    }

    [Fact]
    public async Task Surveys_are_chosen_by_name_or_id_and_shown_by_name()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "settings_surveys"));
        var templates = new SurveyTemplateAdmin(dataSource, "tester");
        var outbound = await templates.AddAsync(Drafts.Survey("after-sales"), CancellationToken.None);
        var inbound = await templates.AddAsync(Drafts.Survey("after-callback", SurveyDirection.Inbound), CancellationToken.None);
        var admin = new SettingsAdmin(dataSource, "tester");

        SettingsView view = (await admin.UpdateAsync(
            new SettingsChange { OutboundSurvey = SurveyChoice.Of("after-sales"), InboundSurvey = SurveyChoice.Of(inbound.Id) },
            CancellationToken.None)).After;

        Assert.Equal((outbound.Id, inbound.Id), (view.Settings.OutboundSurveyTemplateId, view.Settings.InboundSurveyTemplateId));
        Assert.Equal(("after-sales", "after-callback"), (view.OutboundSurveyName, view.InboundSurveyName));

        view = (await admin.UpdateAsync(new SettingsChange { OutboundSurvey = SurveyChoice.Off }, CancellationToken.None)).After;
        Assert.Null(view.Settings.OutboundSurveyTemplateId);
        Assert.Null(view.OutboundSurveyName);
        Assert.Equal("after-callback", view.InboundSurveyName);
    }

    [Fact]
    public async Task A_template_made_for_inbound_calls_cannot_be_the_outbound_survey()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "settings_direction"));
        await new SurveyTemplateAdmin(dataSource, "tester").AddAsync(Drafts.Survey("after-callback", SurveyDirection.Inbound), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new SettingsAdmin(dataSource, "tester").UpdateAsync(
            new SettingsChange { OutboundSurvey = SurveyChoice.Of("after-callback") }, CancellationToken.None));

        Assert.Equal("set settings: survey template 'after-callback' is made for inbound calls, so it cannot be the outbound survey", refused.Message);
        Assert.Null((await new SettingsAdmin(dataSource, "tester").GetAsync(CancellationToken.None)).Settings.OutboundSurveyTemplateId);
    }

    [Fact]
    public async Task A_disabled_or_unknown_template_is_refused_with_its_name()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "settings_disabled"));
        await new SurveyTemplateAdmin(dataSource, "tester").AddAsync(Drafts.Survey("old") with { Enabled = false }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new SettingsAdmin(dataSource, "tester").UpdateAsync(
            new SettingsChange { OutboundSurvey = SurveyChoice.Of("old"), InboundSurvey = SurveyChoice.Of("nope") }, CancellationToken.None));

        Assert.Equal(
            "set settings: survey template 'old' is disabled: enable it before making it the outbound survey; there is no survey template 'nope' for the inbound survey",
            refused.Message);
    }

    [Fact]
    public async Task A_zero_callback_window_is_refused_and_nothing_is_written()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "settings_window");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new SettingsAdmin(dataSource, "tester").UpdateAsync(
            new SettingsChange { CallbackWindow = TimeSpan.Zero, CallerIdRule = CallerIdRule.SameRegion }, CancellationToken.None));

        Assert.Equal("set settings: callback window must be longer than zero", refused.Message);
        Assert.Equal("skill_group", await Sql.ScalarAsync<string>(connectionString, "select caller_id_rule from settings"));
    }

    [Fact]
    public async Task Callback_mode_3_is_refused_in_the_rules_words()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "settings_mode"));

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new SettingsAdmin(dataSource, "tester").UpdateAsync(
            new SettingsChange { CallbackMode = (CallbackMode)3 }, CancellationToken.None));

        Assert.Equal("set settings: callback mode 3 is unknown: 1 is original agent only, 2 original agent first", refused.Message);
    }

    [Fact]
    public async Task A_ring_timeout_the_schema_allows_but_the_rules_do_not_is_refused()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "settings_ring"));

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new SettingsAdmin(dataSource, "tester").UpdateAsync(
            new SettingsChange { CallbackRingTimeout = TimeSpan.FromSeconds(121), CallbackWindow = TimeSpan.FromHours(-1) }, CancellationToken.None));

        Assert.Equal("set settings: callback window must be longer than zero; callback ring timeout must be 1 to 120 s", refused.Message);
    }
}
