using IvrController.Web.Language;

namespace IvrController.Web.Pages;

/// <summary>
/// One prompt of the template form: its words, its file name, an upload, and where to hear it. The inputs are
/// named <c>{Name}Text</c>, <c>{Name}Prompt</c> and <c>{Name}Recording</c>.
/// </summary>
public sealed record PromptForm(FormField Field, Word Label, string Name, string? Words, string? File, string? ListenAddress);
