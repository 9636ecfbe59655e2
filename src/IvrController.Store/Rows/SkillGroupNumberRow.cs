namespace IvrController.Store.Rows;

/// <summary>A row of <c>skill_group_numbers</c>: caller number <see cref="Number"/> is reserved for <see cref="SkillGroupId"/>.</summary>
public sealed record SkillGroupNumberRow(string SkillGroupId, string Number);
