using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>The BACKGROUND_JOB event that ends a <c>bgapi</c>: its body is the command's output.</summary>
public sealed record BackgroundJobResult(string JobUuid, string? Command, string Body)
{
    public bool IsOk => !Body.StartsWith("-ERR", StringComparison.Ordinal) && !Body.StartsWith("-USAGE", StringComparison.Ordinal);

    public string Text => Body.TrimEnd('\n');

    public static BackgroundJobResult FromEvent(EslEvent backgroundJob) => new(
        backgroundJob.GetHeader(HeaderNames.JobUuid) ?? string.Empty,
        backgroundJob.GetHeader(HeaderNames.JobCommand),
        backgroundJob.Body ?? string.Empty);
}
