namespace IvrController.FakeSwitch;

/// <summary>A command as the switch received it from the controller: command line, headers, body.</summary>
public sealed record ReceivedCommand(string Line, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body)
{
    /// <summary>The first word of the command line: connect, myevents, sendmsg, api, ...</summary>
    public string Verb => Line.Split(' ', 2)[0];

    /// <summary>What follows the verb on the command line (the api command, the event names, ...).</summary>
    public string Arguments => Line.Split(' ', 2) is [_, string rest] ? rest.Trim() : string.Empty;

    /// <summary>For sendmsg: execute, hangup, ...</summary>
    public string? CallCommand => Header("call-command");

    /// <summary>For sendmsg execute: the dialplan application.</summary>
    public string? Application => Header("execute-app-name");

    /// <summary>For sendmsg execute: the argument, from the header or (multi-line) from the body.</summary>
    public string? ApplicationArgument => Header("execute-app-arg") ?? Body;

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public override string ToString() => Verb == "sendmsg"
        ? $"sendmsg {CallCommand} {Application ?? Header("hangup-cause")} {ApplicationArgument}".TrimEnd()
        : Line;
}
