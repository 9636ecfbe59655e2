namespace IvrController.Web.Pages;

/// <summary>The skill-group form's fields, by the words of SkillGroupAdmin's refusals and the schema's sentences.</summary>
public static class SkillGroupFields
{
    public static readonly FormField Direction = new("direction", "direction");
    public static readonly FormField Name = new("name", "name");
    public static readonly FormField Id = new("id", "id");

    public static IReadOnlyList<FormField> All { get; } = [Direction, Name, Id];
}
