using Xunit;

namespace IvrController.Integration.Switch;

public sealed class SwitchUnderTestTests
{
    [Fact]
    public void A_password_alone_gives_the_addresses_of_freeswitch_conf()
    {
        SwitchUnderTest target = SwitchUnderTest.Parse("password=s3cret-for-tests");

        Assert.Equal(new SwitchUnderTest(
            new HostPort("127.0.0.1", 8021), "s3cret-for-tests", new HostPort("127.0.0.1", 5060), new HostPort("127.0.0.1", 5080),
            new HostPort("127.0.0.1", 5090), new HostPort("127.0.0.1", 8084), "127.0.0.1", new HostPort("127.0.0.1", 5070)), target);
    }

    [Fact]
    public void Every_key_can_be_given_in_any_order_with_spaces_and_a_trailing_semicolon()
    {
        SwitchUnderTest target = SwitchUnderTest.Parse(
            " domain = pbx.example ; controller=10.0.0.9:9084;pstn=10.0.0.9:6090; carrier=10.0.0.5:6080;agents=10.0.0.5:6060;password=p;esl=10.0.0.5:9021;peers=10.0.0.5:6070; ");

        Assert.Equal(new HostPort("10.0.0.5", 9021), target.Esl);
        Assert.Equal(new HostPort("10.0.0.5", 6060), target.Agents);
        Assert.Equal(new HostPort("10.0.0.5", 6080), target.Carrier);
        Assert.Equal(new HostPort("10.0.0.9", 6090), target.Pstn);
        Assert.Equal(new HostPort("10.0.0.9", 9084), target.Controller);
        Assert.Equal("pbx.example", target.Domain);
        Assert.Equal("p", target.Password);
        Assert.Equal(new HostPort("10.0.0.5", 6070), target.Peers);
    }

    [Fact]
    public void Ipv6_addresses_are_written_in_brackets()
    {
        SwitchUnderTest target = SwitchUnderTest.Parse("password=p;esl=[::1]:8021;pstn=[::1]:5090");

        Assert.Equal(new HostPort("::1", 8021), target.Esl);
        Assert.Equal("[::1]:5090", target.Pstn.ToString());
    }

    [Fact]
    public void Without_a_password_the_error_says_which_one_to_give()
    {
        var error = Assert.Throws<SwitchSettingsException>(() => SwitchUnderTest.Parse("esl=127.0.0.1:8021"));

        Assert.Equal("password is missing: give the switch's event socket password (IVR_ESL_PASSWORD of freeswitch-conf/vars.xml)", Assert.Single(error.Problems));
        Assert.Contains("Format: IVR_TEST_FREESWITCH='esl=127.0.0.1:8021;password=SECRET;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClueCon", "FreeSWITCH's factory default")]
    [InlineData("change-me-esl-secret", "the placeholder shipped in freeswitch-conf/vars.xml")]
    public void A_password_the_controller_refuses_is_refused_up_front(string password, string why)
    {
        var error = Assert.Throws<SwitchSettingsException>(() => SwitchUnderTest.Parse($"password={password}"));

        Assert.Contains(why, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<SwitchSettingsException>(() => SwitchUnderTest.Parse(
            "esl=127.0.0.1;agents=127.0.0.1:99999;pstn=switch.example:5090;pasword=x;password=a;password=b;carrier;domain=a@b"));

        Assert.Equal(
        [
            "unknown key 'pasword' (known: esl, password, agents, carrier, pstn, controller, domain, peers)",
            "'password' is given twice",
            "'carrier' is not key=value",
            "esl: '127.0.0.1' is not host:port",
            "agents: '127.0.0.1:99999' has no port from 1 to 65535",
            "domain 'a@b' is not a SIP domain (a dotted name or IPv4 address, as vars.xml's domain)",
            "pstn host 'switch.example' must be an IP address: sipp binds every phone of the suite to it",
        ], error.Problems);
    }

    [Fact]
    public void The_password_never_appears_in_the_description()
    {
        SwitchUnderTest target = SwitchUnderTest.Parse("password=do-not-print-me");

        Assert.DoesNotContain("do-not-print-me", target.ToString(), StringComparison.Ordinal);
        Assert.Contains("password=(hidden)", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_skip_reason_says_the_tests_did_not_run_and_how_to_run_them()
    {
        Assert.Contains("SKIPPED, not passed", SwitchUnderTest.SkipReason, StringComparison.Ordinal);
        Assert.Contains("IVR_TEST_FREESWITCH='password=", SwitchUnderTest.SkipReason, StringComparison.Ordinal);
        Assert.Contains("freeswitch-conf/", SwitchUnderTest.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_variable_a_real_switch_test_is_skipped_with_that_reason()
    {
        // The variable is read when the attribute is made; test.sh runs without it unless asked.
        var fact = new RealSwitchFactAttribute();

        Assert.Equal(SwitchUnderTest.IsRequested ? null : SwitchUnderTest.SkipReason, fact.Skip);
    }
}
