namespace IvrController.Store.Rows;

/// <summary>A row of <c>skill_groups</c>; <see cref="Direction"/> is inbound, outbound or both.</summary>
public sealed record SkillGroupRow(string Id, string Name, string Direction);
