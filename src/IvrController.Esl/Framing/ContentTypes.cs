using System.Text;

namespace IvrController.Esl.Framing;

/// <summary>The Content-Type values FreeSWITCH's event socket sends.</summary>
public static class ContentTypes
{
    public const string AuthRequest = "auth/request";
    public const string CommandReply = "command/reply";
    public const string ApiResponse = "api/response";
    public const string EventPlain = "text/event-plain";
    public const string EventJson = "text/event-json";
    public const string EventXml = "text/event-xml";
    public const string LogData = "log/data";
    public const string DisconnectNotice = "text/disconnect-notice";
    public const string RudeRejection = "text/rude-rejection";

    private static readonly string[] Known =
        [AuthRequest, CommandReply, ApiResponse, EventPlain, EventJson, EventXml, LogData, DisconnectNotice, RudeRejection];

    /// <summary>Returns the shared constant for a known type (no allocation), else the decoded text.</summary>
    internal static string FromBytes(ReadOnlySpan<byte> value)
    {
        foreach (string known in Known)
        {
            if (value.Length == known.Length && Ascii.EqualsIgnoreCase(value, known))
            {
                return known;
            }
        }

        return Encoding.UTF8.GetString(value);
    }
}
