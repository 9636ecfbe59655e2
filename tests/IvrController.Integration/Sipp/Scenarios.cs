namespace IvrController.Integration.Sipp;

/// <summary>The scenario files of Scenarios/ (the phones) and Scenarios/Peers/ (the switch's side, for self-checks).</summary>
public static class Scenarios
{
    public const string AgentRegisters = "agent-registers.xml";
    public const string AgentCallsThenHangsUp = "agent-calls-then-hangs-up.xml";
    public const string AgentCallsThenIsHungUp = "agent-calls-then-is-hung-up.xml";
    public const string AgentAnswersCallback = "agent-answers-callback.xml";
    public const string PstnAnswersThenRates1 = "pstn-answers-then-rates-1.xml";
    public const string PstnAnswersThenHangsUp = "pstn-answers-then-hangs-up.xml";
    public const string CustomerCallsOurNumber = "customer-calls-our-number.xml";

    public const string PeerRegistrar = "Peers/registrar.xml";
    public const string PeerSwitchAnswersAgent = "Peers/switch-answers-agent.xml";
    public const string PeerSwitchAnswersAgentThenHangsUp = "Peers/switch-answers-agent-then-hangs-up.xml";
    public const string PeerGatewayCallsCustomer = "Peers/gateway-calls-customer.xml";
    public const string PeerGatewayCallsCustomerWhoHangsUp = "Peers/gateway-calls-customer-who-hangs-up.xml";
    public const string PeerCarrierProfileAnswers = "Peers/carrier-profile-answers.xml";
    public const string PeerSwitchRingsAgent = "Peers/switch-rings-agent.xml";
}
