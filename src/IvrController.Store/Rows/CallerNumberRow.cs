namespace IvrController.Store.Rows;

/// <summary>A row of <c>caller_numbers</c>. Null caps mean "no limit"; timestamps are UTC.</summary>
public sealed record CallerNumberRow(
    string Number,
    string? Province,
    string? City,
    bool Enabled,
    int? MaxConcurrent,
    int? DailyCap,
    string? IvrMenu,
    DateTime CreatedAt,
    DateTime UpdatedAt);
