using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>
/// The answer to <c>api</c>. Usually an <c>api/response</c> body; an <c>api</c> the switch refuses
/// outright comes back as a <c>command/reply</c>, which lands here too.
/// </summary>
public sealed record ApiResponse(string Body)
{
    /// <summary>False when the body starts with <c>-ERR</c> or <c>-USAGE</c>.</summary>
    public bool IsOk => !Body.StartsWith("-ERR", StringComparison.Ordinal) && !Body.StartsWith("-USAGE", StringComparison.Ordinal);

    /// <summary>The body without a trailing newline.</summary>
    public string Text => Body.TrimEnd('\n');

    public string ErrorMessage => IsOk ? string.Empty : CommandReply.StripStatus(Text);

    public static ApiResponse FromFrame(EslFrame frame) => frame.ContentType == ContentTypes.CommandReply
        ? new ApiResponse(frame.GetHeader(HeaderNames.ReplyText) ?? string.Empty)
        : new ApiResponse(frame.BodyText);
}
