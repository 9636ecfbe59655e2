using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>A <c>command/reply</c>: <c>Reply-Text: +OK ...</c> or <c>-ERR ...</c>.</summary>
public sealed record CommandReply(string ReplyText, string? JobUuid)
{
    public bool IsOk => ReplyText.StartsWith("+OK", StringComparison.Ordinal);

    /// <summary>The text after <c>+OK</c> / <c>-ERR</c>.</summary>
    public string Message => StripStatus(ReplyText);

    public static CommandReply FromFrame(EslFrame frame) =>
        new((frame.GetHeader(HeaderNames.ReplyText) ?? string.Empty).TrimEnd('\n'), frame.GetHeader(HeaderNames.JobUuid));

    internal static string StripStatus(string text)
    {
        foreach (string prefix in (ReadOnlySpan<string>)["+OK", "-ERR", "-USAGE"])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..].Trim();
            }
        }

        return text.Trim();
    }
}
