namespace IvrController.Flows;

/// <summary>How the flows address the switch: names that must match freeswitch-conf/.</summary>
public sealed class FlowOptions
{
    private static readonly System.Buffers.SearchValues<char> DialStringSeparators = System.Buffers.SearchValues.Create("/ ,{}[]@|");

    /// <summary>The carrier gateway customers are called through (sip_profiles/carrier/pstn.xml).</summary>
    public string Gateway { get; set; } = "pstn";

    /// <summary>The directory domain agents register in (vars.xml: domain); agents are dialled as user/ID@domain.</summary>
    public string AgentDomain { get; set; } = "127.0.0.1";

    /// <summary>
    /// The sofia profile that carries calls between switches (freeswitch-conf: <c>peers</c>): an agent registered on
    /// another switch than the call's is rung as <c>sofia/&lt;PeerProfile&gt;/ID@&lt;that switch's PeerAddress&gt;</c>.
    /// </summary>
    public string PeerProfile { get; set; } = "peers";

    /// <summary>Where transfer_after_bridge sends a customer when the agent hangs up first (dialplan/controller.xml).</summary>
    public string SurveyTransfer { get; set; } = "survey:XML:controller";

    /// <summary>
    /// How our number is presented to the carrier: "national" (02152810000, what the recorded carrier
    /// saw) or "e164" (+862152810000).
    /// </summary>
    public string CallerIdFormat { get; set; } = "national";

    /// <summary>How long a customer's phone may ring before an outbound call counts as NO_ANSWER.</summary>
    public TimeSpan CustomerRingTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long an IVR call rings a skill group's agents before the caller hears the busy prompt.</summary>
    public TimeSpan SkillGroupRingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where the switch reaches this controller ("host:port"), for click-to-call's originate; empty =
    /// Outbound:ListenAddress and Outbound:Port.
    /// </summary>
    public string ControllerSocket { get; set; } = "";

    /// <summary>How long click-to-call rings the agent's phone.</summary>
    public TimeSpan AgentRingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Variable prefix the sounds directory is known by on the switch (vars.xml: ivr_sounds_dir).</summary>
    public string SoundsDirectoryVariable { get; set; } = "ivr_sounds_dir";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Gateway) || Gateway.AsSpan().IndexOfAny(DialStringSeparators) >= 0)
        {
            yield return "Flows:Gateway must be a gateway name without '/', '@', '|', spaces, commas or brackets.";
        }

        if (string.IsNullOrWhiteSpace(AgentDomain) || AgentDomain.AsSpan().IndexOfAny(DialStringSeparators) >= 0)
        {
            yield return "Flows:AgentDomain must be a domain without '/', '@', '|', spaces, commas or brackets.";
        }

        if (string.IsNullOrWhiteSpace(PeerProfile) || PeerProfile.AsSpan().IndexOfAny(DialStringSeparators) >= 0)
        {
            yield return "Flows:PeerProfile must be a sofia profile name without '/', '@', '|', spaces, commas or brackets.";
        }

        if (SurveyTransfer.Split(':').Length != 3 || SurveyTransfer.Replace(":", "", StringComparison.Ordinal).AsSpan().IndexOfAny(DialStringSeparators) >= 0)
        {
            yield return "Flows:SurveyTransfer must be extension:XML:context, e.g. survey:XML:controller.";
        }

        if (CallerIdFormat is not ("national" or "e164"))
        {
            yield return "Flows:CallerIdFormat must be national or e164.";
        }

        if (CustomerRingTimeout < TimeSpan.FromSeconds(5) || CustomerRingTimeout > TimeSpan.FromMinutes(3))
        {
            yield return "Flows:CustomerRingTimeout must be 5 s to 3 min.";
        }

        if (SkillGroupRingTimeout < TimeSpan.FromSeconds(5) || SkillGroupRingTimeout > TimeSpan.FromMinutes(3))
        {
            yield return "Flows:SkillGroupRingTimeout must be 5 s to 3 min.";
        }
    }
}
