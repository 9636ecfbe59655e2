namespace IvrController.Web.Pages;

/// <summary>The agent form's fields, by the words of AgentAdmin's refusals and the schema's sentences.</summary>
public static class AgentFields
{
    public static readonly FormField Status = new("status", "status");
    public static readonly FormField SkillGroups = new("skill-groups", "skill group");
    public static readonly FormField Name = new("name", "name");
    public static readonly FormField Id = new("id", "id", "SIP user");

    public static IReadOnlyList<FormField> All { get; } = [Status, SkillGroups, Name, Id];
}
