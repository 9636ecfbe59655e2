using System.Buffers;
using System.Globalization;
using System.Text;

namespace IvrController.Esl.Messages;

/// <summary>
/// A command to the switch: one command line, optional header lines, optional body.
/// Text is checked for line breaks: a value carrying <c>\n</c> would otherwise end the command
/// early and let the rest be read as a second command (command injection).
/// </summary>
public sealed class EslCommand
{
    private readonly KeyValuePair<string, string>[] _headers;

    public EslCommand(string line, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null)
    {
        RejectLineBreaks(line, "command line");
        _headers = headers?.ToArray() ?? [];
        foreach ((string name, string value) in _headers)
        {
            RejectLineBreaks(name, "header name");
            RejectLineBreaks(value, $"value of header '{name}'");
        }

        Line = line;
        Body = body;
    }

    public string Line { get; }

    public string? Body { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>What may be logged: the verb and, for sendmsg, the application — never arguments.</summary>
    public string Description
    {
        get
        {
            string verb = Line.Split(' ', 2)[0];
            string? app = _headers.FirstOrDefault(h => h.Key == "execute-app-name").Value
                ?? _headers.FirstOrDefault(h => h.Key == "call-command").Value;
            return app is null ? verb : $"{verb} {app}";
        }
    }

    public static EslCommand Auth(string password) => new($"auth {password}");

    public static EslCommand Api(string command) => new($"api {command}");

    public static EslCommand BackgroundApi(string command, string jobUuid) =>
        new($"bgapi {command}", [new("Job-UUID", jobUuid)]);

    public static EslCommand Events(EslEventFormat format, IEnumerable<string> eventNames) =>
        new($"event {format.ToString().ToLowerInvariant()} {string.Join(' ', eventNames)}");

    public static EslCommand Filter(string header, string value) => new($"filter {header} {value}");

    public static EslCommand NoEvents() => new("noevents");

    public static EslCommand Connect() => new("connect");

    public static EslCommand MyEvents() => new("myevents");

    public static EslCommand Linger() => new("linger");

    public static EslCommand Exit() => new("exit");

    /// <summary>
    /// <c>sendmsg</c> execute. With <paramref name="eventLock"/> the switch runs queued applications
    /// one after another; the <c>Event-UUID</c> comes back as <c>Application-UUID</c> in the
    /// CHANNEL_EXECUTE / CHANNEL_EXECUTE_COMPLETE events of this execution.
    /// </summary>
    public static EslCommand Execute(string application, string? argument, string eventUuid, bool eventLock = true)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("call-command", "execute"),
            new("execute-app-name", application),
        };
        bool multiLine = argument is not null && argument.AsSpan().IndexOfAny('\n', '\r') >= 0;
        if (argument is not null && !multiLine)
        {
            headers.Add(new("execute-app-arg", argument));
        }

        if (eventLock)
        {
            headers.Add(new("event-lock", "true"));
        }

        headers.Add(new("Event-UUID", eventUuid));
        if (multiLine)
        {
            // The switch does not URL-decode header values, so multi-line arguments travel as a body.
            headers.Add(new("content-type", "text/plain"));
            return new EslCommand("sendmsg", headers, argument);
        }

        return new EslCommand("sendmsg", headers);
    }

    /// <summary><c>sendmsg</c> hangup: acts at once, even while another application runs.</summary>
    public static EslCommand Hangup(string cause) =>
        new("sendmsg", [new("call-command", "hangup"), new("hangup-cause", cause)]);

    /// <summary>
    /// The command's bytes, encoded piece by piece straight into <paramref name="output"/> (the socket's pipe): a
    /// call sends a dozen commands, and building each as a string first cost two copies of it.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Encoding.UTF8.GetBytes(Line, output);
        output.Write("\n"u8);
        foreach ((string name, string value) in _headers)
        {
            Encoding.UTF8.GetBytes(name, output);
            output.Write(": "u8);
            Encoding.UTF8.GetBytes(value, output);
            output.Write("\n"u8);
        }

        if (Body is null)
        {
            output.Write("\n"u8);
            return;
        }

        output.Write("content-length: "u8);
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetByteCount(Body).ToString(CultureInfo.InvariantCulture), output);
        output.Write("\n\n"u8);
        Encoding.UTF8.GetBytes(Body, output);
    }

    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public override string ToString() => Description;

    private static void RejectLineBreaks(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text, what);
        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException($"The {what} of an ESL command must not contain line breaks.", nameof(text));
        }
    }
}
