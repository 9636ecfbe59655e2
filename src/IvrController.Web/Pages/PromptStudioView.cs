using IvrController.Web.Language;

namespace IvrController.Web.Pages;

/// <summary>
/// What the shared prompt section (Shared/_PromptStudio.cshtml) shows: the prompts of a form, whether words and
/// recordings can be given here, the intro line above them, and the refusals by field key.
/// </summary>
public sealed record PromptStudioView(
    IReadOnlyList<PromptForm> Prompts, bool CanSpeak, Word Intro, IReadOnlyDictionary<string, List<string>> Errors)
{
    public IReadOnlyList<string> ErrorsFor(FormField field) =>
        Errors.TryGetValue(field.Key, out List<string>? errors) ? errors : [];
}
