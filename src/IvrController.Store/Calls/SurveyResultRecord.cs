namespace IvrController.Store.Calls;

/// <summary>
/// One survey played on a call. <see cref="Outcome"/> is rated, no_answer or invalid; digit,
/// label and score are set for rated (digit may be set for invalid when it was one key).
/// </summary>
public sealed record SurveyResultRecord(
    Guid CallUuid,
    int TemplateId,
    string Outcome,
    char? Digit,
    string? Label,
    int? Score,
    string? AgentId,
    string CustomerNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt);
