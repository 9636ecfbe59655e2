using IvrController.Rules.Agents;
using IvrController.Rules.Callback;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Callback;

public sealed class CallbackRouterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly AgentAvailability Available = new(Registered: true, OnCall: false, OfflineByAdmin: false);
    private static readonly AgentAvailability NotRegistered = new(Registered: false, OnCall: false, OfflineByAdmin: false);
    private static readonly AgentAvailability OnCall = new(Registered: true, OnCall: true, OfflineByAdmin: false);

    private static readonly CallbackSettings OnlyOriginal = new() { Mode = CallbackMode.OriginalAgentOnly };
    private static readonly CallbackSettings OriginalFirst = new() { Mode = CallbackMode.OriginalAgentFirst };

    private static LastOutboundCall CallAgo(TimeSpan age) =>
        new("1001", N("13812345678"), N("02152810000"), Now - age);

    [Fact]
    public void Feature_off_goes_to_the_ivr_even_with_a_recent_call()
    {
        CallbackDecision decision = CallbackRouter.Decide(OnlyOriginal with { Enabled = false }, CallAgo(TimeSpan.FromHours(1)), Now, Available);
        Assert.Equal(new CallbackDecision(CallbackDecisionKind.NoMemory, null, CallbackFallback.Ivr, false, null, null, "callback memory is off → IVR"), decision);
    }

    [Theory]
    [InlineData(CallbackMode.OriginalAgentOnly)]
    [InlineData(CallbackMode.OriginalAgentFirst)]
    public void No_remembered_call_goes_to_the_ivr(CallbackMode mode)
    {
        CallbackDecision decision = CallbackRouter.Decide(new CallbackSettings { Mode = mode }, null, Now, Available);
        Assert.Equal(new CallbackDecision(CallbackDecisionKind.NoMemory, null, CallbackFallback.Ivr, false, null, null, "no outbound call to this number in the last 72 h → IVR"), decision);
    }

    [Theory]
    [InlineData(CallbackMode.OriginalAgentOnly)]
    [InlineData(CallbackMode.OriginalAgentFirst)]
    public void A_call_outside_the_window_goes_to_the_ivr(CallbackMode mode)
    {
        LastOutboundCall call = CallAgo(TimeSpan.FromHours(80));
        CallbackDecision decision = CallbackRouter.Decide(new CallbackSettings { Mode = mode }, call, Now, Available);
        Assert.Equal(
            new CallbackDecision(CallbackDecisionKind.NoMemory, null, CallbackFallback.Ivr, false, null, call,
                "the last outbound call, by agent 1001, was 80 h ago, outside the 72 h window → IVR"),
            decision);
    }

    [Fact]
    public void A_call_exactly_at_the_window_edge_is_remembered() =>
        Assert.Equal(CallbackDecisionKind.RingAgent, CallbackRouter.Decide(OnlyOriginal, CallAgo(TimeSpan.FromHours(72)), Now, Available).Kind);

    [Fact]
    public void A_shorter_window_forgets_sooner()
    {
        CallbackDecision decision = CallbackRouter.Decide(OnlyOriginal with { Window = TimeSpan.FromHours(1) }, CallAgo(TimeSpan.FromMinutes(61)), Now, Available);
        Assert.Equal("the last outbound call, by agent 1001, was 1 h 1 min ago, outside the 1 h window → IVR", decision.Reason);
        Assert.Equal(CallbackDecisionKind.NoMemory, decision.Kind);
    }

    [Fact]
    public void Mode_1_with_the_agent_available_rings_them_then_plays_the_busy_prompt()
    {
        LastOutboundCall call = CallAgo(TimeSpan.FromHours(2));
        CallbackDecision decision = CallbackRouter.Decide(OnlyOriginal, call, Now, Available);
        Assert.Equal(
            new CallbackDecision(CallbackDecisionKind.RingAgent, "1001", CallbackFallback.AgentBusyPrompt, true, TimeSpan.FromSeconds(20), call,
                "agent 1001 called 138****5678 2 h ago and is available → ring for 20 s, then the busy prompt and a missed callback if unanswered (mode 1: original agent only)"),
            decision);
    }

    [Fact]
    public void Mode_2_with_the_agent_available_rings_them_then_goes_to_the_ivr()
    {
        LastOutboundCall call = CallAgo(TimeSpan.FromMinutes(45));
        CallbackDecision decision = CallbackRouter.Decide(OriginalFirst with { RingTimeout = TimeSpan.FromSeconds(15) }, call, Now, Available);
        Assert.Equal(
            new CallbackDecision(CallbackDecisionKind.RingAgent, "1001", CallbackFallback.Ivr, false, TimeSpan.FromSeconds(15), call,
                "agent 1001 called 138****5678 45 min ago and is available → ring for 15 s, then the IVR if unanswered (mode 2: original agent first)"),
            decision);
    }

    [Fact]
    public void Mode_1_with_the_agent_unavailable_plays_the_busy_prompt_and_records_a_missed_callback()
    {
        LastOutboundCall call = CallAgo(TimeSpan.FromHours(2));
        CallbackDecision decision = CallbackRouter.Decide(OnlyOriginal, call, Now, NotRegistered);
        Assert.Equal(
            new CallbackDecision(CallbackDecisionKind.AgentUnavailable, "1001", CallbackFallback.AgentBusyPrompt, true, null, call,
                "agent 1001 called 138****5678 2 h ago but is not registered → the busy prompt and a missed callback (mode 1: original agent only)"),
            decision);
    }

    [Fact]
    public void Callback_with_agent_on_a_call_in_mode_2_goes_to_the_ivr()
    {
        LastOutboundCall call = CallAgo(TimeSpan.FromHours(2));
        CallbackDecision decision = CallbackRouter.Decide(OriginalFirst, call, Now, OnCall);
        Assert.Equal(
            new CallbackDecision(CallbackDecisionKind.AgentUnavailable, "1001", CallbackFallback.Ivr, false, null, call,
                "agent 1001 called 138****5678 2 h ago but is on a call → the IVR (mode 2: original agent first)"),
            decision);
    }

    [Theory]
    [InlineData(CallbackMode.OriginalAgentOnly, CallbackFallback.AgentBusyPrompt, true)]
    [InlineData(CallbackMode.OriginalAgentFirst, CallbackFallback.Ivr, false)]
    public void An_agent_set_offline_by_an_admin_is_unavailable(CallbackMode mode, CallbackFallback fallback, bool missed)
    {
        var offline = new AgentAvailability(Registered: true, OnCall: false, OfflineByAdmin: true);
        CallbackDecision decision = CallbackRouter.Decide(new CallbackSettings { Mode = mode }, CallAgo(TimeSpan.FromHours(2)), Now, offline);
        Assert.Equal((CallbackDecisionKind.AgentUnavailable, fallback, missed), (decision.Kind, decision.Fallback, decision.RecordMissedCallback));
        Assert.Contains("but is marked offline by an admin", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_availability_rings_the_agent_and_lets_the_bridge_result_decide()
    {
        CallbackDecision decision = CallbackRouter.Decide(OriginalFirst, CallAgo(TimeSpan.FromSeconds(30)), Now, null);
        Assert.Equal(CallbackDecisionKind.RingAgent, decision.Kind);
        Assert.Equal(
            "agent 1001 called 138****5678 30 s ago and availability unknown → ring for 20 s, then the IVR if unanswered (mode 2: original agent first)",
            decision.Reason);
    }

    [Fact]
    public void A_reason_never_holds_the_customers_number()
    {
        CallbackDecision decision = CallbackRouter.Decide(OnlyOriginal, CallAgo(TimeSpan.FromHours(2)), Now, Available);
        Assert.DoesNotContain("13812345678", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Availability_names_every_reason_an_agent_cannot_answer()
    {
        Assert.Equal("available", Available.Describe());
        Assert.True(Available.IsAvailable);
        var everything = new AgentAvailability(Registered: false, OnCall: true, OfflineByAdmin: true);
        Assert.False(everything.IsAvailable);
        Assert.Equal("not registered and on a call and marked offline by an admin", everything.Describe());
    }

    [Theory]
    [InlineData(72 * 3600, "72 h")]
    [InlineData(3 * 3600 + 20 * 60, "3 h 20 min")]
    [InlineData(45 * 60 + 30, "45 min")]
    [InlineData(20, "20 s")]
    public void Durations_read_well_in_a_log_line(int seconds, string expected) =>
        Assert.Equal(expected, CallbackRouter.Duration(TimeSpan.FromSeconds(seconds)));
}
