using IvrController.Admin.Prompts;

namespace IvrController.Web.Hosting;

/// <summary>The prompts directory as the console uses it (speaking words, taking recordings, playing back); <see cref="Studio"/> null when none is set.</summary>
public sealed record ConsolePrompts(PromptStudio? Studio);
