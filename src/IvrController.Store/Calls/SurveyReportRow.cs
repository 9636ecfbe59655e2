namespace IvrController.Store.Calls;

/// <summary>A row of the surveys report. <see cref="CustomerNumber"/> is the real number: mask it before showing it.</summary>
public sealed record SurveyReportRow(
    Guid CallUuid,
    string TemplateName,
    string Outcome,
    string? Digit,
    string? Label,
    int? Score,
    string? AgentId,
    string CustomerNumber,
    DateTime StartedAt);
