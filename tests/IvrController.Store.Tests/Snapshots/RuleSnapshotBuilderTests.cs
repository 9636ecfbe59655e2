using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Callback;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Regions;
using IvrController.Rules.Surveys;
using IvrController.Store.Rows;
using IvrController.Store.Snapshots;
using Xunit;

namespace IvrController.Store.Tests.Snapshots;

/// <summary>Rows to rules, without a database: every mapping and every row that must be left out.</summary>
public sealed class RuleSnapshotBuilderTests
{
    private static readonly DateTime Epoch = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset LoadedAt = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private static readonly SettingsRow DefaultSettings = new(
        "skill_group", "random", "mask", true, 2, TimeSpan.FromHours(72), TimeSpan.FromSeconds(20), null, null, Epoch);

    private static RuleRows Rows(
        long version = 7,
        AgentRow[]? agents = null,
        SkillGroupRow[]? skillGroups = null,
        AgentSkillGroupRow[]? agentSkillGroups = null,
        CallerNumberRow[]? numbers = null,
        SkillGroupNumberRow[]? skillGroupNumbers = null,
        SettingsRow? settings = null,
        SurveyTemplateRow[]? templates = null,
        SurveyKeyRow[]? keys = null,
        IvrMenuRow[]? menus = null,
        IvrOptionRow[]? options = null,
        NumberRegionRow[]? regions = null,
        CustomerIdRow[]? customers = null) =>
        new(version, agents ?? [], skillGroups ?? [], agentSkillGroups ?? [], numbers ?? [], skillGroupNumbers ?? [],
            settings ?? DefaultSettings, templates ?? [], keys ?? [], menus ?? [], options ?? [], regions ?? [], customers ?? []);

    private static CallerNumberRow Number(string number, string? province = null, string? city = null, bool enabled = true, string? menu = null) =>
        new(number, province, city, enabled, null, null, menu, Epoch, Epoch);

    private static PhoneNumber Phone(string raw) => ChineseNumberNormalizer.Default.Normalize(raw);

    [Fact]
    public void Version_and_load_time_come_through()
    {
        var build = RuleSnapshotBuilder.Build(Rows(version: 42), LoadedAt, null);

        Assert.Equal(42, build.Snapshot.Version);
        Assert.Equal(LoadedAt, build.Snapshot.LoadedAt);
        Assert.Empty(build.Skipped);
    }

    [Fact]
    public void Agents_carry_only_their_outbound_skill_groups_and_offline_status()
    {
        var build = RuleSnapshotBuilder.Build(Rows(
            agents: [new AgentRow("1001", "张三", "active", Epoch, Epoch), new AgentRow("1002", "李四", "offline", Epoch, Epoch)],
            skillGroups: [new SkillGroupRow("sales", "Sales", "outbound"), new SkillGroupRow("care", "Care", "inbound"), new SkillGroupRow("vip", "VIP", "both")],
            agentSkillGroups: [new("1001", "sales"), new("1001", "care"), new("1001", "vip"), new("1002", "care")]), LoadedAt, null);

        Assert.True(build.Snapshot.TryGetAgent("1001", out Agent? zhang));
        Assert.Equal(["sales", "vip"], zhang.OutboundSkillGroupIds.Order(StringComparer.Ordinal));
        Assert.Equal(AgentStatus.Active, zhang.Status);
        Assert.True(build.Snapshot.TryGetAgent("1002", out Agent? li));
        Assert.Equal(AgentStatus.OfflineByAdmin, li.Status);
        Assert.Empty(li.OutboundSkillGroupIds);
        Assert.Equal(["Care", "Sales", "VIP"], build.Snapshot.SkillGroups.Select(g => g.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Caller_numbers_keep_their_links_caps_menu_and_stated_region()
    {
        var build = RuleSnapshotBuilder.Build(Rows(
            numbers: [new CallerNumberRow("+862152810000", "上海市", "上海市", false, 3, 500, "main", Epoch, Epoch)],
            skillGroups: [new SkillGroupRow("sales", "Sales", "outbound")],
            skillGroupNumbers: [new("sales", "+862152810000")]), LoadedAt, null);

        Assert.True(build.Snapshot.TryGetCallerNumber(Phone("02152810000"), out CallerNumber? number));
        Assert.False(number.Enabled);
        Assert.Equal((3, 500), (number.MaxConcurrent, number.DailyCap));
        Assert.Equal("main", number.IvrMenu);
        Assert.Equal(["sales"], number.SkillGroupIds);
        Assert.Equal(new NumberRegion("上海", "上海"), number.Region);
    }

    [Fact]
    public void A_number_without_a_stated_region_takes_the_prefix_table_over_the_geocoder()
    {
        // The geocoder puts every 173 number in 北京; the admins' table says otherwise and must win.
        var build = RuleSnapshotBuilder.Build(Rows(
            numbers: [Number("+8617312345678"), Number("+8613800138000")],
            regions: [new NumberRegionRow("1731234", "广东省", "深圳市")]), LoadedAt, new LibPhoneNumberGeocoder());

        Assert.True(build.Snapshot.TryGetCallerNumber(Phone("17312345678"), out CallerNumber? fromTable));
        Assert.Equal(new NumberRegion("广东", "深圳"), fromTable.Region);
        Assert.True(build.Snapshot.TryGetCallerNumber(Phone("13800138000"), out CallerNumber? fromGeocoder));
        Assert.Equal("北京", fromGeocoder.Region?.Province);
    }

    [Fact]
    public void Unusable_rows_are_left_out_and_reported_without_customer_numbers()
    {
        var build = RuleSnapshotBuilder.Build(Rows(
            numbers: [Number("+86123"), Number("+8613800138000", province: "广东", city: "")],
            regions: [new NumberRegionRow("999", "广东", "深圳"), new NumberRegionRow("0755", "广东", "")],
            customers: [new CustomerIdRow("C1", "+86999"), new CustomerIdRow("C2", "+8613900139000")]), LoadedAt, null);

        Assert.Contains(build.Skipped, s => s.StartsWith("caller number +86123: ", StringComparison.Ordinal));
        Assert.Contains(build.Skipped, s => s.StartsWith("caller number +8613800138000: ", StringComparison.Ordinal) && s.EndsWith("it is kept without a region", StringComparison.Ordinal));
        Assert.Contains(build.Skipped, s => s.StartsWith("region prefix 999: ", StringComparison.Ordinal));
        Assert.Contains(build.Skipped, s => s.StartsWith("region prefix 0755: ", StringComparison.Ordinal));
        Assert.Contains("customer C1: the number does not normalise", build.Skipped);
        Assert.DoesNotContain(build.Skipped, s => s.Contains("+86999", StringComparison.Ordinal));
        Assert.Equal(1, build.Snapshot.Pool.Count);
        Assert.Equal(1, build.CustomerIds.Count);
        Assert.Equal(0, build.Snapshot.Regions.Table.Count);
    }

    [Fact]
    public void Settings_map_every_value_the_schema_allows()
    {
        var settings = DefaultSettings with
        {
            CallerIdRule = "same_region",
            CandidatePick = "least_used_today",
            ProtectionMode = "customer_id",
            CallbackEnabled = false,
            CallbackMode = 1,
            CallbackWindow = TimeSpan.FromDays(3),
            CallbackRingTimeout = TimeSpan.FromSeconds(15),
            OutboundSurveyTemplate = 4,
            InboundSurveyTemplate = 5,
        };

        var mapped = RuleSnapshotBuilder.Build(Rows(settings: settings), LoadedAt, null).Snapshot.Settings;

        Assert.Equal(CallerIdRule.SameRegion, mapped.CallerIdRule);
        Assert.Equal(CandidatePick.LeastUsedToday, mapped.CandidatePick);
        Assert.Equal(NumberProtectionMode.CustomerId, mapped.NumberProtection);
        Assert.Equal(new CallbackSettings { Enabled = false, Mode = CallbackMode.OriginalAgentOnly, Window = TimeSpan.FromDays(3), RingTimeout = TimeSpan.FromSeconds(15) }, mapped.Callback);
        Assert.Equal(("4", "5"), (mapped.OutboundSurveyTemplateId, mapped.InboundSurveyTemplateId));
    }

    [Fact]
    public void An_unknown_setting_falls_back_to_the_default_and_is_reported()
    {
        var mapped = RuleSnapshotBuilder.Build(Rows(settings: DefaultSettings with { CallerIdRule = "round_robin" }), LoadedAt, null);

        Assert.Equal(CallerIdRule.SkillGroup, mapped.Snapshot.Settings.CallerIdRule);
        Assert.Equal(["settings: caller-ID rule 'round_robin' is unknown; using SkillGroup"], mapped.Skipped);
    }

    [Fact]
    public void Survey_templates_get_their_keys_in_digit_order_and_the_settings_pick_them()
    {
        var build = RuleSnapshotBuilder.Build(Rows(
            settings: DefaultSettings with { OutboundSurveyTemplate = 3 },
            templates: [new SurveyTemplateRow(3, "默认外呼", "outbound", true, "survey-guide", "survey-thanks", "survey-invalid", "survey-timeout", 7000, 2, "en")],
            keys: [new SurveyKeyRow(3, '3', "不满意", 1), new SurveyKeyRow(3, '1', "满意", 5)]), LoadedAt, null);

        SurveyTemplate survey = Assert.IsType<SurveyTemplate>(build.Snapshot.OutboundSurvey);
        Assert.Equal("3", survey.Id);
        Assert.Equal(SurveyDirection.Outbound, survey.Direction);
        Assert.Equal([new SurveyKey('1', "满意", 5), new SurveyKey('3', "不满意", 1)], survey.Keys);
        Assert.Equal((TimeSpan.FromSeconds(7), 2, "en"), (survey.Timeout, survey.Retries, survey.Language));
        Assert.Null(build.Snapshot.InboundSurvey);
    }

    [Fact]
    public void Ivr_menus_map_every_action_and_the_dialled_number_finds_its_menu()
    {
        var build = RuleSnapshotBuilder.Build(Rows(
            numbers: [Number("+862152810000", menu: "main")],
            menus:
            [
                new IvrMenuRow("main", "ivr-welcome", "ivr-invalid", "ivr-timeout", 4000, 2, "skill_group", "sales"),
                new IvrMenuRow("billing", "ivr-billing", "ivr-invalid", "ivr-timeout", 5000, 1, "hangup", null),
            ],
            options:
            [
                new IvrOptionRow("main", '1', "skill_group", "sales"), new IvrOptionRow("main", '2', "agent", "1001"),
                new IvrOptionRow("main", '9', "submenu", "billing"), new IvrOptionRow("main", '*', "repeat", null),
                new IvrOptionRow("main", '0', "hangup", null),
            ]), LoadedAt, null);

        IvrMenu menu = Assert.IsType<IvrMenu>(build.Snapshot.MenuForDialledNumber(Phone("021-52810000")));
        Assert.Equal("main", menu.Name);
        Assert.Equal(TimeSpan.FromSeconds(4), menu.Timeout);
        Assert.Equal(IvrAction.ToSkillGroup("sales"), menu.DefaultAction);
        Assert.Equal(
            ["skill group sales", "agent 1001", "menu billing", "repeat", "hang up"],
            new[] { '1', '2', '9', '*', '0' }.Select(d => menu.TryGetOption(d, out IvrOption? o) ? o.Action.ToString() : "missing"));
    }

    [Fact]
    public void Customer_ids_are_looked_up_both_ways()
    {
        var build = RuleSnapshotBuilder.Build(Rows(customers: [new CustomerIdRow("C10086", "+8613800138000")]), LoadedAt, null);

        Assert.True(build.CustomerIds.TryGetCustomerId(Phone("13800138000"), out string? id));
        Assert.Equal("C10086", id);
        Assert.True(build.CustomerIds.TryGetNumber("C10086", out PhoneNumber? number));
        Assert.Equal("+8613800138000", number.E164);
    }

    [Fact]
    public async Task The_table_lookup_answers_from_the_current_table_and_leaves_unknowns_out()
    {
        var table = RuleSnapshotBuilder.Build(Rows(customers: [new CustomerIdRow("C10086", "+8613800138000")]), LoadedAt, null).CustomerIds;
        var lookup = new TableCustomerIdLookup(() => table);

        var ids = await lookup.PhoneToCustomerIdsAsync([Phone("13800138000"), Phone("13900139000")], CancellationToken.None);
        var phones = await lookup.CustomerIdToPhonesAsync(["C10086", "C0"], CancellationToken.None);

        Assert.Equal("C10086", Assert.Single(ids).Value);
        Assert.Equal("+8613800138000", Assert.Single(phones).Value.E164);
        var display = await AgentDisplay.ForAgentAsync(Phone("13800138000"), NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal("C10086", display.Text);
    }
}
