using IvrController.Admin;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// What every page that edits rules shares: the refusals by field key ("" = about the whole form), the outcome
/// line above the form, whether the account may edit, and the ways a post ends without a save: a read-only
/// account (403), a field the form could not read, a refusal of the administration layer.
/// </summary>
public abstract class EditPageModel : PageModel
{
    /// <summary>Refusals by field key; "" = about the whole form.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public Word? Outcome { get; protected set; }

    public bool Refused { get; private set; }

    public bool CanEdit => User.CanEdit();

    public IReadOnlyList<string> GeneralErrors => ErrorsFor("");

    public IReadOnlyList<string> ErrorsFor(string key) => Errors.TryGetValue(key, out List<string>? errors) ? errors : [];

    public IReadOnlyList<string> ErrorsFor(FormField? field) => ErrorsFor(field?.Key ?? "");

    /// <summary>A refusal under the field <paramref name="key"/> names; the same sentence is shown once.</summary>
    protected void AddError(string key, string message)
    {
        if (!Errors.TryGetValue(key, out List<string>? list))
        {
            Errors[key] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    /// <summary>Nothing was written; <paramref name="outcome"/> says so above the form.</summary>
    protected void Refuse(Word outcome)
    {
        Refused = true;
        Outcome = outcome;
    }

    /// <summary>The account only reads: the post is answered 403 with the page as it was.</summary>
    protected void RefuseReadOnly()
    {
        Refuse(ConsoleWords.RefusedReadOnly);
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    /// <summary>The administration layer's refusal: each problem under the field <paramref name="keyOf"/> finds for it.</summary>
    protected void Refuse(RuleEditException refusal, Word outcome, Func<string, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(keyOf);
        Refuse(outcome);
        foreach (string problem in refusal.Problems.Count > 0 ? refusal.Problems : [refusal.Message])
        {
            AddError(keyOf(problem), problem);
        }
    }
}
