using Xunit;

namespace IvrController.Integration.Sipp;

public sealed class SippResultTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sipp-result-").FullName;

    [Fact]
    public void An_aborted_phone_is_summed_up_by_its_signal_its_last_words_and_its_last_message()
    {
        var logs = new SippLogFiles(_directory, "agent-1002-register");
        File.WriteAllText(logs.Stderr, "Resolving remote host '127.0.0.1'... Done.\nsipp: src/task.cpp:175: Assertion `wheel_base <= clock_tick' failed.\n\n");
        File.WriteAllText(logs.Messages,
            "----------------------------------------------- 2026-12-04 13:45:40.100000\n" +
            "UDP message sent (300 bytes):\n\n" +
            "REGISTER sip:127.0.0.1 SIP/2.0\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n\n" +
            "----------------------------------------------- 2026-12-04 13:45:40.101000\n" +
            "UDP message received [200] bytes :\n\n" +
            "SIP/2.0 401 Unauthorized\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n\n");

        SippResult aborted = Result(134, logs);
        string summary = aborted.Summary;

        Assert.True(aborted.Crashed);

        Assert.Equal(
            "ended by signal 6 (SIGABRT: sipp aborted itself, an assertion or a crash); " +
            "its last words: sipp: src/task.cpp:175: Assertion `wheel_base <= clock_tick' failed.; " +
            "its last SIP message: received SIP/2.0 401 Unauthorized",
            summary);
    }

    [Fact]
    public void A_failed_call_is_summed_up_by_its_meaning_alone_its_logs_tell_the_rest()
    {
        var logs = new SippLogFiles(_directory, "pstn");
        File.WriteAllText(logs.Stderr, "Aborting call on unexpected message\n");

        Assert.Equal("the call failed (an unexpected or missing message, or a timeout)", Result(1, logs).Summary);
        Assert.False(Result(1, logs).Crashed);
    }

    [Fact]
    public void A_phone_killed_after_its_timeout_did_not_crash()
    {
        SippResult killed = Result(137, new SippLogFiles(_directory, "agent-1001-register"), killed: true);

        Assert.False(killed.Crashed);
        Assert.Equal("killed after its timeout", killed.Meaning);
    }

    [Fact]
    public void A_phone_that_left_no_logs_says_so()
    {
        Assert.Equal("fatal error; its last words: (nothing); its last SIP message: none", Result(255, new SippLogFiles(_directory, "customer")).Summary);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SippResult Result(int exitCode, SippLogFiles logs, bool killed = false) => new(
        new SippCall { Name = logs.Name, Scenario = Scenarios.AgentRegisters, LocalIp = "127.0.0.1", LocalPort = 5070 },
        ["-sf", Scenarios.AgentRegisters], exitCode, killed, logs);
}
