using Xunit;

namespace IvrController.Integration.Sipp;

public sealed class SippCallTests
{
    private static readonly SippCall Phone = new()
    {
        Name = "agent-1002-register-again",
        Scenario = "agent-registers.xml",
        LocalIp = "127.0.0.1",
        LocalPort = 5070,
    };

    [Fact]
    public void Sipp_is_given_its_log_files_by_their_bare_names_however_deep_the_log_directory()
    {
        string deep = Path.Combine("/check", new string('d', 300));
        IReadOnlyList<string> arguments = Phone.Arguments("/scenarios/agent-registers.xml", new SippLogFiles(deep, Phone.Name));

        Assert.Equal("agent-1002-register-again.messages.log", After("-message_file"));
        Assert.Equal("agent-1002-register-again.errors.log", After("-error_file"));
        Assert.Equal("agent-1002-register-again.actions.log", After("-log_file"));
        Assert.Equal("agent-1002-register-again.screen.log", After("-screen_file"));

        string After(string option) => arguments[arguments.ToList().IndexOf(option) + 1];
    }

    [Fact]
    public void A_phone_name_too_long_for_sipp_is_refused_before_sipp_starts()
    {
        SippCall longNamed = Phone with { Name = new string('p', 240) };

        var refused = Assert.Throws<ArgumentException>(() => longNamed.Arguments("/scenarios/agent-registers.xml", new SippLogFiles("/logs", longNamed.Name)));

        Assert.Contains("249", refused.Message, StringComparison.Ordinal);
    }
}
