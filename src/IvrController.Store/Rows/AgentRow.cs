namespace IvrController.Store.Rows;

/// <summary>A row of <c>agents</c>. Timestamps are UTC.</summary>
public sealed record AgentRow(string Id, string Name, string Status, DateTime CreatedAt, DateTime UpdatedAt);
