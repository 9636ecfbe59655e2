using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;
using IvrController.Web.Hosting;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// One survey template as a form, new (no id) or existing; saved through <see cref="SurveyTemplateAdmin"/>,
/// the path of ivrctl templates add/update, with its audit entry in the same transaction. Each prompt is words
/// (spoken on save), a file name, or an uploaded recording, and can be heard back from /prompts/.
/// </summary>
public sealed class TemplateEditModel(SurveyTemplateAdmin templates, ConsolePrompts prompts) : EditPageModel
{
    public const int KeyRows = 6;

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Direction { get; set; }

    [BindProperty]
    public string? Enabled { get; set; }

    [BindProperty]
    public string? GuidePrompt { get; set; }

    [BindProperty]
    public string? ClosingPrompt { get; set; }

    [BindProperty]
    public string? InvalidPrompt { get; set; }

    [BindProperty]
    public string? TimeoutPrompt { get; set; }

    [BindProperty]
    public string? GuideText { get; set; }

    [BindProperty]
    public string? ClosingText { get; set; }

    [BindProperty]
    public string? InvalidText { get; set; }

    [BindProperty]
    public string? TimeoutText { get; set; }

    [BindProperty]
    public IFormFile? GuideRecording { get; set; }

    [BindProperty]
    public IFormFile? ClosingRecording { get; set; }

    [BindProperty]
    public IFormFile? InvalidRecording { get; set; }

    [BindProperty]
    public IFormFile? TimeoutRecording { get; set; }

    [BindProperty]
    public string? TimeoutSeconds { get; set; }

    [BindProperty]
    public string? Retries { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public List<string?> KeyDigits { get; set; } = [];

    [BindProperty]
    public List<string?> KeyLabels { get; set; } = [];

    [BindProperty]
    public List<string?> KeyScores { get; set; } = [];

    public bool IsNew => Id is null;

    /// <summary>Whether prompts can be words or recordings here (a prompts directory is set).</summary>
    public bool CanSpeak => prompts.Studio is not null;

    /// <summary>The four prompts as the form shows them, in order.</summary>
    public IReadOnlyList<PromptForm> PromptForms =>
    [
        new(TemplateFields.GuidePrompt, ConsoleWords.GuidePrompt, "Guide", GuideText, GuidePrompt, Listen(GuidePrompt)),
        new(TemplateFields.ClosingPrompt, ConsoleWords.ClosingPrompt, "Closing", ClosingText, ClosingPrompt, Listen(ClosingPrompt)),
        new(TemplateFields.InvalidPrompt, ConsoleWords.InvalidPrompt, "Invalid", InvalidText, InvalidPrompt, Listen(InvalidPrompt)),
        new(TemplateFields.TimeoutPrompt, ConsoleWords.TimeoutPrompt, "Timeout", TimeoutText, TimeoutPrompt, Listen(TimeoutPrompt)),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            Fill(new SurveyTemplate
            {
                Id = "new",
                Name = "",
                GuidePrompt = "survey_guide_outbound",
                ClosingPrompt = "survey_closing",
                InvalidPrompt = "survey_invalid",
                TimeoutPrompt = "survey_timeout",
                Keys = [new SurveyKey('1', "满意", 5), new SurveyKey('2', "一般", 3), new SurveyKey('3', "不满意", 1)],
            });
            return Page();
        }

        SurveyTemplate? template = await templates.GetAsync(Id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        Fill(template);
        if (Request.Query.ContainsKey("saved"))
        {
            Outcome = ConsoleWords.Saved;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            RefuseReadOnly();
            PadKeys();
            return Page();
        }

        SurveyTemplate? asked = await ReadAsync(cancellationToken);
        PadKeys();
        if (asked is null)
        {
            Refuse(ConsoleWords.NotSaved);
            return Page();
        }

        try
        {
            if (Id is null)
            {
                SurveyTemplate added = await templates.AddAsync(asked, cancellationToken);
                return Redirect($"/templates/edit/{added.Id}?saved=1");
            }

            SurveyTemplate saved = await templates.UpdateAsync(Id, _ => asked, cancellationToken);
            Fill(saved);
            Outcome = ConsoleWords.Saved;
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotSaved, problem => FormField.KeyOf(problem, TemplateFields.All));
        }

        return Page();
    }

    private void Fill(SurveyTemplate template)
    {
        Name = template.Name;
        Direction = RuleWords.SurveyDirections.Word(template.Direction);
        Enabled = template.Enabled ? "on" : "off";
        GuidePrompt = template.GuidePrompt;
        ClosingPrompt = template.ClosingPrompt;
        InvalidPrompt = template.InvalidPrompt;
        TimeoutPrompt = template.TimeoutPrompt;
        GuideText = template.GuideText;
        ClosingText = template.ClosingText;
        InvalidText = template.InvalidText;
        TimeoutText = template.TimeoutText;
        TimeoutSeconds = template.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        Retries = template.Retries.ToString(CultureInfo.InvariantCulture);
        Language = template.Language;
        KeyDigits = [.. template.Keys.Select(k => (string?)k.Digit.ToString())];
        KeyLabels = [.. template.Keys.Select(k => (string?)k.Label)];
        KeyScores = [.. template.Keys.Select(k => (string?)k.Score.ToString(CultureInfo.InvariantCulture))];
        PadKeys();
    }

    private void PadKeys()
    {
        int rows = Math.Max(KeyRows, new[] { KeyDigits.Count, KeyLabels.Count, KeyScores.Count }.Max());
        foreach (List<string?> column in new[] { KeyDigits, KeyLabels, KeyScores })
        {
            while (column.Count < rows)
            {
                column.Add(null);
            }
        }
    }

    private string? Listen(string? prompt) => PromptFormInput.ListenAddress(prompts, prompt);

    private Task<(string Prompt, string? Words)?> PromptAsync(FormField field, IFormFile? upload, string? words, string? file, CancellationToken cancellationToken) =>
        PromptFormInput.ReadAsync(prompts, HttpContext, field, upload, words, file, AddError, cancellationToken);

    /// <summary>The form as a template, or null when a field cannot be read (the errors say which).</summary>
    private async Task<SurveyTemplate?> ReadAsync(CancellationToken cancellationToken)
    {
        var guide = await PromptAsync(TemplateFields.GuidePrompt, GuideRecording, GuideText, GuidePrompt, cancellationToken);
        var closing = await PromptAsync(TemplateFields.ClosingPrompt, ClosingRecording, ClosingText, ClosingPrompt, cancellationToken);
        var invalid = await PromptAsync(TemplateFields.InvalidPrompt, InvalidRecording, InvalidText, InvalidPrompt, cancellationToken);
        var timeoutPrompt = await PromptAsync(TemplateFields.TimeoutPrompt, TimeoutRecording, TimeoutText, TimeoutPrompt, cancellationToken);

        SurveyDirection direction = default;
        if (!RuleWords.SurveyDirections.TryParse(Direction, out direction))
        {
            AddError(TemplateFields.Direction.Key, HttpContext.Say(ConsoleWords.NotAChoice));
        }

        int? timeout = WholeNumber(TimeoutSeconds, TemplateFields.Timeout);
        int? retries = WholeNumber(Retries, TemplateFields.Retries);
        var keys = new List<SurveyKey>();
        for (int row = 0; row < new[] { KeyDigits.Count, KeyLabels.Count, KeyScores.Count }.Max(); row++)
        {
            string digit = (KeyDigits.ElementAtOrDefault(row) ?? "").Trim();
            string label = (KeyLabels.ElementAtOrDefault(row) ?? "").Trim();
            string score = (KeyScores.ElementAtOrDefault(row) ?? "").Trim();
            if (digit.Length == 0 && label.Length == 0 && score.Length == 0)
            {
                continue;
            }

            if (digit.Length != 1)
            {
                AddError(TemplateFields.Keys.Key, HttpContext.Say(ConsoleWords.NotAKey));
                continue;
            }

            if (WholeNumber(score, TemplateFields.Keys) is { } points)
            {
                keys.Add(new SurveyKey(digit[0], label, points));
            }
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new SurveyTemplate
        {
            Id = Id ?? "new",
            Name = (Name ?? "").Trim(),
            Direction = direction,
            Enabled = Enabled != "off",
            GuidePrompt = guide!.Value.Prompt,
            GuideText = guide.Value.Words,
            ClosingPrompt = closing!.Value.Prompt,
            ClosingText = closing.Value.Words,
            InvalidPrompt = invalid!.Value.Prompt,
            InvalidText = invalid.Value.Words,
            TimeoutPrompt = timeoutPrompt!.Value.Prompt,
            TimeoutText = timeoutPrompt.Value.Words,
            Timeout = TimeSpan.FromSeconds(timeout!.Value),
            Retries = retries!.Value,
            Language = Language ?? "",
            Keys = keys,
        };
    }

    private int? WholeNumber(string? text, FormField field)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }

        AddError(field.Key, HttpContext.Say(ConsoleWords.NotWholeNumber));
        return null;
    }

}
