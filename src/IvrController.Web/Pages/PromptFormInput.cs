using IvrController.Admin.Prompts;
using IvrController.Web.Hosting;
using IvrController.Web.Language;
using Microsoft.AspNetCore.Http;

namespace IvrController.Web.Pages;

/// <summary>How a form's prompt is read and heard back: the same for every page that takes prompts (templates, menus).</summary>
public static class PromptFormInput
{
    /// <summary>The playback address of a stored prompt that is a file of the prompts directory; null for anything else.</summary>
    public static string? ListenAddress(ConsolePrompts prompts, string? prompt) =>
        prompts?.Studio?.FileNameOf(prompt) is { } name ? $"/prompts/{name}" : null;

    /// <summary>
    /// One prompt from the form: an upload wins (taken into the prompts directory now), then words, then the file
    /// name. Null when the upload was refused; <paramref name="refuse"/> was given the field's key and why.
    /// </summary>
    public static async Task<(string Prompt, string? Words)?> ReadAsync(
        ConsolePrompts prompts,
        HttpContext http,
        FormField field,
        IFormFile? upload,
        string? words,
        string? file,
        Action<string, string> refuse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(refuse);
        if (upload is { Length: > 0 })
        {
            if (prompts.Studio is not { } studio)
            {
                refuse(field.Key, http.Say(ConsoleWords.PromptNoWordsHere));
                return null;
            }

            try
            {
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                return (await studio.TakeRecordingAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false), null);
            }
            catch (PromptRenderingException e)
            {
                refuse(field.Key, $"{field.NamedAs[0]}: {e.Message}");
                return null;
            }
        }

        string? said = string.IsNullOrWhiteSpace(words) ? null : words.Trim();
        return (file?.Trim() ?? "", said);
    }
}
