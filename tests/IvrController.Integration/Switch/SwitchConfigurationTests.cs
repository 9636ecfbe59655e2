using Xunit;

namespace IvrController.Integration.Switch;

public sealed class SwitchConfigurationTests
{
    private static readonly SwitchUnderTest Target = SwitchUnderTest.Parse("password=p");

    // The shape of "sofia status gateway pstn" on FreeSWITCH 1.10 for freeswitch-conf's gateway.
    private const string Gateway = """
        =================================================================================================
        Name    	pstn
        Profile 	carrier
        Scheme  	Digest
        Realm   	127.0.0.1:5090
        From    	<sip:FreeSWITCH@127.0.0.1:5090>
        Contact 	<sip:gw+pstn@127.0.0.1:5080;transport=udp;gw=pstn>
        To      	sip:FreeSWITCH@127.0.0.1:5090
        Proxy   	sip:127.0.0.1:5090
        Context 	public
        State   	NOREG
        Status  	UP
        =================================================================================================

        """;

    private const string Profile = "=====\nName               \tagents\nDomain Name        \tN/A\n";

    private static SwitchConfiguration AsShipped => new("127.0.0.1:8084\n", "127.0.0.1\n", Profile, Profile, Gateway);

    [Fact]
    public void The_switch_of_freeswitch_conf_with_its_defaults_fits_the_suite()
    {
        Assert.Empty(AsShipped.Problems(Target));
    }

    [Fact]
    public void A_controller_among_several_failover_addresses_is_enough()
    {
        Assert.Empty((AsShipped with { ControllerSocket = "10.0.0.11:8084|127.0.0.1:8084" }).Problems(Target));
    }

    [Fact]
    public void Calls_handed_to_another_controller_are_named_with_the_setting_to_change()
    {
        string problem = Assert.Single((AsShipped with { ControllerSocket = "10.0.0.11:8084" }).Problems(Target));

        Assert.Contains("hands calls to '10.0.0.11:8084'", problem, StringComparison.Ordinal);
        Assert.Contains("IVR_CONTROLLER_SOCKET=127.0.0.1:8084", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_pointing_elsewhere_or_missing_and_a_stopped_profile_are_refused()
    {
        var configuration = AsShipped with
        {
            Domain = "pbx.example",
            CarrierProfile = "Invalid Profile!\n",
            PstnGateway = Gateway.Replace("127.0.0.1:5090", "203.0.113.9:5060", StringComparison.Ordinal),
        };

        IReadOnlyList<string> problems = configuration.Problems(Target);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("the switch's domain is 'pbx.example'", problems[0], StringComparison.Ordinal);
        Assert.Equal("sofia profile 'carrier' is not running: Invalid Profile!", problems[1]);
        Assert.StartsWith("gateway 'pstn' does not send to 127.0.0.1:5090", problems[2], StringComparison.Ordinal);
        Assert.Equal("gateway 'pstn' does not exist: Invalid Gateway!", Assert.Single((AsShipped with { PstnGateway = "Invalid Gateway!\n" }).Problems(Target)));
    }
}
