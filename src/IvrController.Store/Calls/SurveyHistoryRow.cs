namespace IvrController.Store.Calls;

/// <summary>
/// One survey result of the surveys report. <see cref="NeedsFollowUp"/>: rated at or below
/// <see cref="CallReports.LowScore"/>, or with the lowest score its template's keys give.
/// <see cref="CustomerNumber"/> is the real number: mask it before showing it.
/// </summary>
public sealed record SurveyHistoryRow(
    long Id,
    Guid CallUuid,
    string TemplateName,
    string Outcome,
    string? Digit,
    string? Label,
    int? Score,
    string? AgentId,
    string CustomerNumber,
    string? CustomerId,
    DateTime StartedAt,
    bool NeedsFollowUp,
    string? FollowUpDoneBy,
    DateTime? FollowUpDoneAt);
