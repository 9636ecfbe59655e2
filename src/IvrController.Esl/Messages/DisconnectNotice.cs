using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>
/// <c>text/disconnect-notice</c>. With <c>linger</c> the switch sends one with disposition
/// <c>linger</c> when the call hangs up and keeps delivering events; otherwise it closes.
/// </summary>
public sealed record DisconnectNotice(string? Disposition, string? ControlledSessionUuid, string Text)
{
    public bool IsLinger => string.Equals(Disposition, "linger", StringComparison.OrdinalIgnoreCase);

    public static DisconnectNotice FromFrame(EslFrame frame) => new(
        frame.GetHeader(HeaderNames.ContentDisposition),
        frame.GetHeader(HeaderNames.ControlledSessionUuid),
        frame.BodyText.TrimEnd('\n'));
}
