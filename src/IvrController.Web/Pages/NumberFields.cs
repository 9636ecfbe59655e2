namespace IvrController.Web.Pages;

/// <summary>The caller-number form's fields, by the words of CallerNumberAdmin's refusals and the schema's sentences.</summary>
public static class NumberFields
{
    public static readonly FormField MaxConcurrent = new("max-concurrent", "concurrent");
    public static readonly FormField DailyCap = new("daily-cap", "daily cap");
    public static readonly FormField Menu = new("menu", "menu");
    public static readonly FormField SkillGroups = new("skill-groups", "skill group");
    public static readonly FormField Region = new("region", "province", "city", "region");
    public static readonly FormField Number = new("number", "number");

    public static IReadOnlyList<FormField> All { get; } = [MaxConcurrent, DailyCap, Menu, SkillGroups, Region, Number];
}
