using IvrController.Flows;
using Xunit;

namespace IvrController.Tests.Flows;

public sealed class DialStringTests
{
    [Fact]
    public void Global_and_leg_variables_come_in_order_before_the_endpoint()
    {
        string target = new DialString("sofia/gateway/pstn/13800138000")
            .With("origination_caller_id_number", "02152810000")
            .With("ivr_agent_id", "1001")
            .WithOnLeg("transfer_after_bridge", "survey:XML:controller")
            .ToString();

        Assert.Equal("{origination_caller_id_number=02152810000,ivr_agent_id=1001}[transfer_after_bridge=survey:XML:controller]sofia/gateway/pstn/13800138000", target);
    }

    [Fact]
    public void An_endpoint_alone_has_no_brackets() =>
        Assert.Equal("user/1001@127.0.0.1", new DialString("user/1001@127.0.0.1").ToString());

    [Fact]
    public void Several_endpoints_ring_at_once_behind_one_set_of_variables() =>
        Assert.Equal(
            "{leg_timeout=30}user/1001@127.0.0.1,user/1002@127.0.0.1",
            new DialString(["user/1001@127.0.0.1", "user/1002@127.0.0.1"]).With("leg_timeout", "30").ToString());

    [Theory]
    [InlineData("user/1001@127.0.0.1,user/1002@127.0.0.1")]
    [InlineData("user/1001@127.0.0.1|user/1002@127.0.0.1")]
    [InlineData("")]
    public void An_endpoint_that_would_change_the_dial_string_is_refused(string endpoint)
    {
        Assert.Throws<ArgumentException>(() => new DialString(endpoint));
        Assert.Throws<ArgumentException>(() => new DialString(["user/1003@127.0.0.1", endpoint]));
    }

    [Fact]
    public void Ringing_nobody_is_refused() =>
        Assert.Throws<ArgumentException>(() => new DialString(Array.Empty<string>()));

    [Theory]
    [InlineData("C1,C2")]
    [InlineData("a b")]
    [InlineData("x}y")]
    [InlineData("x]y")]
    [InlineData("a|b")]
    [InlineData("a/b")]
    [InlineData("'quoted'")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    public void A_value_that_would_change_the_dial_string_is_refused(string value) =>
        Assert.Throws<ArgumentException>(() => new DialString("user/1001@127.0.0.1").With("origination_caller_id_name", value));

    [Theory]
    [InlineData("USER_BUSY", "callee_busy")]
    [InlineData("NO_ANSWER", "no_answer")]
    [InlineData("NO_USER_RESPONSE", "no_answer")]
    [InlineData("UNALLOCATED_NUMBER", "invalid_number")]
    [InlineData("NORMAL_TEMPORARY_FAILURE", "call_failed")]
    [InlineData(null, "call_failed")]
    public void A_failed_bridge_has_a_prompt_the_agent_understands(string? disposition, string prompt) =>
        Assert.Equal(prompt, Prompts.ForFailedBridge(disposition));

    [Theory]
    [InlineData("survey_closing", "survey_closing.wav")]
    [InlineData("custom/thanks.wav", "custom/thanks.wav")]
    [InlineData("tone_stream://%(300,0,800)", "tone_stream://%(300,0,800)")]
    public void Prompt_names_become_files_under_the_language_directory(string prompt, string file) =>
        Assert.Equal(file, Prompts.File(prompt));
}
