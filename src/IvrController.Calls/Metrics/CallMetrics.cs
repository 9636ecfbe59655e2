using System.Diagnostics;
using System.Text;
using IvrController.Flows;
using IvrController.Rules.CallerId;
using IvrController.Rules.Surveys;

namespace IvrController.Metrics;

/// <summary>
/// What /metrics counts about calls: how they ended by flow, survey answers, caller-ID decisions and two
/// latencies. Every label set is known here in advance, so recording is an interlocked add into a fixed
/// array: no lock, no allocation, nothing that wakes a thread. Written out on a scrape.
/// </summary>
public sealed class CallMetrics
{
    /// <summary>Ratings whose score is outside 0..<see cref="MaxScoreLabel"/> are counted as "other".</summary>
    public const int MaxScoreLabel = 10;

    private static readonly int Flows = Enum.GetValues<CallFlowKind>().Length;
    private static readonly int OutcomeKinds = Enum.GetValues<CallOutcomeKind>().Length;
    private static readonly int Tiers = Enum.GetValues<CallerIdTier>().Length;
    private static readonly int CallerIdRules = Enum.GetValues<CallerIdRule>().Length;

    // The outcome column after the enum's own: the caller (or the switch) ended the call before the flow did.
    private static readonly int HungUpColumn = OutcomeKinds;

    // Tier columns after the enum's: no decision because the pool is empty, or because every number is at a cap.
    private static readonly int EmptyPoolColumn = Tiers;
    private static readonly int AtCapColumn = Tiers + 1;

    private readonly long[] _calls = new long[Flows * (OutcomeKinds + 1)];
    private readonly long[] _surveys = new long[Enum.GetValues<SurveyAnswer>().Length];
    private readonly long[] _ratings = new long[MaxScoreLabel + 2];
    private readonly long[] _callerIds = new long[CallerIdRules * (Tiers + 2)];

    /// <summary>How long choosing a caller number took (the in-memory decision, not the shared-cap round trip).</summary>
    public LatencyHistogram CallerIdDecision { get; } = new(
        0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025);

    /// <summary>From the switch's connection for an agent's call until its bridge is on the socket.</summary>
    public LatencyHistogram ConnectToBridge { get; } = new(
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5);

    public void CallEnded(CallFlowKind flow, CallOutcomeKind outcome) =>
        Interlocked.Increment(ref _calls[CallIndex(flow, (int)outcome)]);

    /// <summary>The call ended under the flow (a hang-up reached it as an exception) before it had an outcome.</summary>
    public void CallHungUp(CallFlowKind flow) =>
        Interlocked.Increment(ref _calls[CallIndex(flow, HungUpColumn)]);

    public long Calls(CallFlowKind flow, CallOutcomeKind outcome) => Interlocked.Read(ref _calls[CallIndex(flow, (int)outcome)]);

    public long CallsHungUp(CallFlowKind flow) => Interlocked.Read(ref _calls[CallIndex(flow, HungUpColumn)]);

    /// <summary>One survey ended; a rating also counts its score.</summary>
    public void SurveyEnded(SurveyAnswer answer, int? score)
    {
        Interlocked.Increment(ref _surveys[(int)answer]);
        if (answer == SurveyAnswer.Rated && score is { } s)
        {
            Interlocked.Increment(ref _ratings[s is >= 0 and <= MaxScoreLabel ? s : MaxScoreLabel + 1]);
        }
    }

    public long Surveys(SurveyAnswer answer) => Interlocked.Read(ref _surveys[(int)answer]);

    /// <summary>Ratings with <paramref name="score"/>; scores outside 0..10 together under -1.</summary>
    public long Ratings(int score) => Interlocked.Read(ref _ratings[score is >= 0 and <= MaxScoreLabel ? score : MaxScoreLabel + 1]);

    /// <summary>A caller-ID outcome as the call went on with it, and how long the decision took in <see cref="Stopwatch"/> ticks.</summary>
    public void CallerIdDecided(CallerIdOutcome outcome, long elapsedTicks)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Interlocked.Increment(ref _callerIds[CallerIdIndex(outcome.Rule, TierColumn(outcome))]);
        CallerIdDecision.Observe(elapsedTicks);
    }

    public long CallerIds(CallerIdRule rule, CallerIdTier tier) => Interlocked.Read(ref _callerIds[CallerIdIndex(rule, (int)tier)]);

    public long CallerIdsRefused(CallerIdRule rule, NoCallerNumberReason reason) =>
        Interlocked.Read(ref _callerIds[CallerIdIndex(rule, reason == NoCallerNumberReason.EmptyPool ? EmptyPoolColumn : AtCapColumn)]);

    /// <summary>The bridge of the call whose session connected at <paramref name="connectedAt"/> (a <see cref="Stopwatch"/> timestamp) is sent now.</summary>
    public void BridgeSent(long connectedAt) => ConnectToBridge.Observe(Stopwatch.GetTimestamp() - connectedAt);

    /// <summary>The families, in the Prometheus text format.</summary>
    public void WriteTo(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        PrometheusText.Family(text, "ivr_calls_total", "counter",
            "Calls handed over by the switch since the controller started, by flow and how they ended (hung_up: before the flow had an outcome).");
        foreach (CallFlowKind flow in Enum.GetValues<CallFlowKind>())
        {
            for (int column = 0; column <= OutcomeKinds; column++)
            {
                long count = Interlocked.Read(ref _calls[CallIndex(flow, column)]);
                // Each flow shows the outcomes it can end with from the start (rate() needs the zero); others only once seen.
                if (count > 0 || Expected(flow, column))
                {
                    string outcome = column == HungUpColumn ? "hung_up" : Label((CallOutcomeKind)column);
                    PrometheusText.Sample(text, "ivr_calls_total", [("flow", Label(flow)), ("outcome", outcome)], count);
                }
            }
        }

        PrometheusText.Family(text, "ivr_surveys_total", "counter", "Satisfaction surveys run, by how they ended.");
        foreach (SurveyAnswer answer in Enum.GetValues<SurveyAnswer>())
        {
            PrometheusText.Sample(text, "ivr_surveys_total", [("outcome", Label(answer))], Surveys(answer));
        }

        PrometheusText.Family(text, "ivr_survey_ratings_total", "counter", "Survey ratings by the pressed key's score (other: a score outside 0..10).");
        for (int score = 0; score <= MaxScoreLabel + 1; score++)
        {
            string label = score <= MaxScoreLabel ? ScoreLabels[score] : "other";
            PrometheusText.Sample(text, "ivr_survey_ratings_total", [("score", label)], Interlocked.Read(ref _ratings[score]));
        }

        PrometheusText.Family(text, "ivr_caller_id_decisions_total", "counter",
            "Caller-ID decisions of agents' calls, by rule and the tier that supplied the number (none: empty pool; at_cap: every number at a cap).");
        foreach (CallerIdRule rule in Enum.GetValues<CallerIdRule>())
        {
            for (int column = 0; column < Tiers + 2; column++)
            {
                if (rule == CallerIdRule.SkillGroup && column is (int)CallerIdTier.SameCity or (int)CallerIdTier.SameProvince)
                {
                    continue;
                }

                if (rule == CallerIdRule.SameRegion && column == (int)CallerIdTier.SkillGroup)
                {
                    continue;
                }

                string tier = column == EmptyPoolColumn ? "none" : column == AtCapColumn ? "at_cap" : Label((CallerIdTier)column);
                PrometheusText.Sample(text, "ivr_caller_id_decisions_total", [("rule", Label(rule)), ("tier", tier)], Interlocked.Read(ref _callerIds[CallerIdIndex(rule, column)]));
            }
        }

        CallerIdDecision.WriteTo(text, "ivr_caller_id_decision_seconds", "Time to choose an agent's call's caller number from the rules in memory.");
        ConnectToBridge.WriteTo(text, "ivr_connect_to_bridge_seconds", "Agent's call: from the switch's socket connection until the bridge application is sent.");
    }

    private static readonly string[] ScoreLabels = [.. Enumerable.Range(0, MaxScoreLabel + 1).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static int CallIndex(CallFlowKind flow, int column) => ((int)flow * (OutcomeKinds + 1)) + column;

    private static int CallerIdIndex(CallerIdRule rule, int column) => ((int)rule * (Tiers + 2)) + column;

    private static int TierColumn(CallerIdOutcome outcome) => outcome switch
    {
        Rules.CallerId.CallerIdDecision decision => (int)decision.Tier,
        NoCallerNumberAvailable { Why: NoCallerNumberReason.EmptyPool } => EmptyPoolColumn,
        _ => AtCapColumn,
    };

    private static bool Expected(CallFlowKind flow, int column)
    {
        if (flow == CallFlowKind.Dispatch)
        {
            return column == (int)CallOutcomeKind.UnknownEntry;
        }

        if (column == HungUpColumn || column == (int)CallOutcomeKind.Faulted)
        {
            return true;
        }

        return flow switch
        {
            CallFlowKind.Outbound => column is (int)CallOutcomeKind.Bridged or (int)CallOutcomeKind.Refused or (int)CallOutcomeKind.CustomerNotReached,
            CallFlowKind.Survey => column is (int)CallOutcomeKind.Surveyed or (int)CallOutcomeKind.SurveySkipped,
            _ => column is (int)CallOutcomeKind.AgentAnswered or (int)CallOutcomeKind.NoAgent or (int)CallOutcomeKind.EndedInMenu,
        };
    }

    public static string Label(CallFlowKind flow) => flow switch
    {
        CallFlowKind.Outbound => "outbound",
        CallFlowKind.Callback => "callback",
        CallFlowKind.Ivr => "ivr",
        CallFlowKind.Survey => "survey",
        _ => "dispatch",
    };

    public static string Label(CallOutcomeKind kind) => kind switch
    {
        CallOutcomeKind.Bridged => "bridged",
        CallOutcomeKind.Refused => "refused",
        CallOutcomeKind.CustomerNotReached => "customer_not_reached",
        CallOutcomeKind.AgentAnswered => "agent_answered",
        CallOutcomeKind.NoAgent => "no_agent",
        CallOutcomeKind.EndedInMenu => "ended_in_menu",
        CallOutcomeKind.Surveyed => "surveyed",
        CallOutcomeKind.SurveySkipped => "survey_skipped",
        CallOutcomeKind.UnknownEntry => "unknown_entry",
        _ => "faulted",
    };

    public static string Label(SurveyAnswer answer) => answer switch
    {
        SurveyAnswer.Rated => "rated",
        SurveyAnswer.NoDigit => "no_digit",
        SurveyAnswer.Invalid => "invalid",
        _ => "hung_up",
    };

    public static string Label(CallerIdTier tier) => tier switch
    {
        CallerIdTier.SkillGroup => "skill_group",
        CallerIdTier.SameCity => "same_city",
        CallerIdTier.SameProvince => "same_province",
        _ => "whole_pool",
    };

    public static string Label(CallerIdRule rule) => rule == CallerIdRule.SkillGroup ? "skill_group" : "same_region";
}
