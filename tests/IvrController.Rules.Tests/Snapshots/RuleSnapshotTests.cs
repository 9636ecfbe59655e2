using System.Collections.Frozen;
using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Ivr;
using IvrController.Rules.Regions;
using IvrController.Rules.Settings;
using IvrController.Rules.Snapshots;
using IvrController.Rules.Surveys;
using IvrController.Rules.Tests.Ivr;
using IvrController.Rules.Tests.Regions;
using IvrController.Rules.Tests.Surveys;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Snapshots;

public sealed class RuleSnapshotTests
{
    private static readonly DateTimeOffset LoadedAt = new(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly Agent Alice = new() { Id = "1001", Name = "Alice", OutboundSkillGroupIds = FrozenSet.Create(StringComparer.Ordinal, "sales") };
    private static readonly Agent Bob = new() { Id = "1002", Name = "Bob", Status = AgentStatus.OfflineByAdmin, OutboundSkillGroupIds = FrozenSet.Create(StringComparer.Ordinal, "sales", "service") };

    private static readonly CallerNumber SalesLine = new()
    {
        Number = N("02152810001"),
        Region = new NumberRegion("上海", ""),
        SkillGroupIds = FrozenSet.Create(StringComparer.Ordinal, "sales"),
        IvrMenu = "main",
    };

    private static readonly CallerNumber GuangzhouLine = new() { Number = N("02012345601"), Region = new NumberRegion("广东", "广州") };

    private static RuleSnapshot Build(
        RuleSettings? settings = null,
        IEnumerable<CallerNumber>? numbers = null,
        IEnumerable<SurveyTemplate>? surveys = null,
        IEnumerable<Agent>? agents = null) =>
        new(
            version: 7,
            LoadedAt,
            settings ?? new RuleSettings { OutboundSurveyTemplateId = "after-sales" },
            agents ?? [Alice, Bob],
            [new SkillGroup("sales", "销售"), new SkillGroup("service", "客服"), new SkillGroup("billing", "账务")],
            numbers ?? [SalesLine, GuangzhouLine],
            new RegionPrefixTable([new RegionPrefixRow("1731234", new NumberRegion("广东", "广州"))]),
            surveys ?? [SurveyTemplateTests.Template()],
            [IvrMenus.Main, IvrMenus.Billing],
            LibPhoneNumberGeocoderTests.Geocoder);

    [Fact]
    public void A_snapshot_answers_the_lookups_flows_need()
    {
        RuleSnapshot snapshot = Build();

        Assert.Equal((7L, LoadedAt), (snapshot.Version, snapshot.LoadedAt));
        Assert.True(snapshot.TryGetAgent("1002", out Agent? bob));
        Assert.Equal(AgentStatus.OfflineByAdmin, bob.Status);
        Assert.False(snapshot.TryGetAgent("9999", out _));
        Assert.True(snapshot.TryGetSkillGroup("service", out SkillGroup? service));
        Assert.Equal("客服", service.Name);
        Assert.Equal(["1001", "1002"], snapshot.AgentsInSkillGroup("sales").Select(a => a.Id));
        Assert.Empty(snapshot.AgentsInSkillGroup("billing"));
        Assert.True(snapshot.TryGetCallerNumber(N("+86 21 5281 0001"), out CallerNumber? line));
        Assert.Same(SalesLine, line);
        Assert.Equal(2, snapshot.Pool.EnabledCount);
        Assert.Empty(snapshot.Validate());
    }

    [Fact]
    public void The_dialled_number_names_its_ivr_menu()
    {
        RuleSnapshot snapshot = Build();
        Assert.Equal("main", snapshot.MenuForDialledNumber(N("02152810001"))?.Name);
        Assert.Null(snapshot.MenuForDialledNumber(N("02012345601")));
        Assert.Null(snapshot.MenuForDialledNumber(N("13812345678")));
        Assert.Equal(IvrStepKind.Collect, snapshot.Ivr.Start("main").Kind);
    }

    [Fact]
    public void A_dialled_number_whose_menu_was_deleted_has_no_menu_and_is_reported()
    {
        CallerNumber orphan = new() { Number = N("02152810009"), IvrMenu = "deleted" };
        RuleSnapshot snapshot = Build(numbers: [SalesLine, orphan]);
        Assert.Null(snapshot.MenuForDialledNumber(N("02152810009")));
        Assert.Equal(["caller number +862152810009: IVR menu 'deleted' does not exist"], snapshot.Validate());
    }

    [Fact]
    public void The_outbound_survey_is_the_configured_enabled_outbound_template()
    {
        Assert.Equal("after-sales", Build().OutboundSurvey?.Id);
        Assert.Null(Build().InboundSurvey);
        Assert.Null(Build(surveys: [SurveyTemplateTests.Template() with { Enabled = false }]).OutboundSurvey);
        Assert.Null(Build(surveys: [SurveyTemplateTests.Template() with { Direction = SurveyDirection.Inbound }]).OutboundSurvey);
        Assert.Null(Build(settings: new RuleSettings()).OutboundSurvey);
    }

    [Fact]
    public void Survey_settings_that_cannot_work_are_reported()
    {
        RuleSnapshot snapshot = Build(
            settings: new RuleSettings { OutboundSurveyTemplateId = "after-sales", InboundSurveyTemplateId = "missing" },
            surveys: [SurveyTemplateTests.Template() with { Direction = SurveyDirection.Inbound, Keys = [] }]);
        Assert.Equal(
            [
                "survey 'after-sales': at least one key is needed",
                "outbound survey template 'after-sales' is made for inbound calls",
                "inbound survey template 'missing' does not exist",
            ],
            snapshot.Validate());
    }

    [Fact]
    public void Caller_id_under_the_skill_group_rule_uses_the_agents_groups()
    {
        RuleSnapshot snapshot = Build();
        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(snapshot.SelectCallerId(Alice, N("13812345678"), CallerNumberUsage.None, new Random(1)));
        Assert.Same(SalesLine, decision.Number);
        Assert.Equal(CallerIdTier.SkillGroup, decision.Tier);
    }

    [Fact]
    public void Caller_id_under_the_same_region_rule_trusts_the_table_over_the_geocoder()
    {
        RuleSnapshot snapshot = Build(settings: new RuleSettings { CallerIdRule = CallerIdRule.SameRegion });
        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(snapshot.SelectCallerId(Alice, N("17312345678"), CallerNumberUsage.None, new Random(1)));
        Assert.Same(GuangzhouLine, decision.Number);
        Assert.Equal(CallerIdTier.SameCity, decision.Tier);
        Assert.Equal(new RegionLookup(new NumberRegion("广东", "广州"), RegionSource.Table), decision.Request.CalleeRegion);
    }

    [Fact]
    public void Dangling_references_and_bad_caps_are_reported()
    {
        Agent carol = new() { Id = "1003", OutboundSkillGroupIds = FrozenSet.Create(StringComparer.Ordinal, "ghosts") };
        CallerNumber odd = new()
        {
            Number = N("02152810002"),
            SkillGroupIds = FrozenSet.Create(StringComparer.Ordinal, "ghosts"),
            MaxConcurrent = 0,
            DailyCap = -1,
        };
        Assert.Equal(
            [
                "agent 1003: skill group 'ghosts' does not exist",
                "caller number +862152810002: skill group 'ghosts' does not exist",
                "caller number +862152810002: max concurrent calls must be at least 1 (or no limit)",
                "caller number +862152810002: daily cap must be at least 1 (or no limit)",
            ],
            Build(numbers: [SalesLine, odd], agents: [Alice, carol]).Validate());
    }

    [Fact]
    public void The_empty_snapshot_says_agents_cannot_call_out()
    {
        Assert.Equal(0, RuleSnapshot.Empty.Version);
        Assert.Equal(["no caller number is enabled: agents cannot call out"], RuleSnapshot.Empty.Validate());
        Assert.IsType<NoCallerNumberAvailable>(RuleSnapshot.Empty.SelectCallerId(Alice, N("13812345678"), CallerNumberUsage.None, new Random(1)));
    }

    [Fact]
    public void Two_agents_with_one_id_are_refused() =>
        Assert.Throws<ArgumentException>(() => Build(agents: [Alice, Alice]));
}
