namespace IvrController.Web.Pages;

/// <summary>The IVR menu form's fields, by the words of IvrMenu.Validate, IvrMenuAdmin and the schema's sentences.</summary>
public static class MenuFields
{
    public static readonly FormField Greeting = new("greeting", "greeting");
    public static readonly FormField InvalidPrompt = new("invalid-prompt", "invalid prompt");
    public static readonly FormField TimeoutPrompt = new("timeout-prompt", "timeout prompt");
    public static readonly FormField Options = new("options", "option");
    public static readonly FormField DefaultAction = new("default-action", "default action", "for ever");
    public static readonly FormField Timeout = new("timeout", "timeout");
    public static readonly FormField Retries = new("retries", "retries");
    public static readonly FormField Name = new("name", "name", "already exists");
    public static readonly FormField Enabled = new("enabled", "disabled");

    public static IReadOnlyList<FormField> All { get; } = [Greeting, InvalidPrompt, TimeoutPrompt, Options, DefaultAction, Timeout, Retries, Name, Enabled];
}
