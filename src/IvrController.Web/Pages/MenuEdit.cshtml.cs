using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Ivr;
using IvrController.Store.Vocabulary;
using IvrController.Web.Hosting;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// One IVR menu as a form, new (no name in the address) or existing; saved and removed through
/// <see cref="IvrMenuAdmin"/>, the path of ivrctl menus add/update/remove, which writes the audit entry in the same
/// transaction. The three prompts go through the same prompt section as the template page.
/// </summary>
public sealed class MenuEditModel(IvrMenuAdmin menus, ConsolePrompts prompts) : EditPageModel
{
    public const int OptionRows = 8;

    /// <summary>The actions a key or the default may take, as the form offers them (value = the stored word).</summary>
    public static IReadOnlyList<(IvrActionKind Kind, Word Label)> Actions { get; } =
    [
        (IvrActionKind.SkillGroup, ConsoleWords.ActionSkillGroup),
        (IvrActionKind.Agent, ConsoleWords.ActionAgent),
        (IvrActionKind.Submenu, ConsoleWords.ActionSubmenu),
        (IvrActionKind.Repeat, ConsoleWords.ActionRepeat),
        (IvrActionKind.Hangup, ConsoleWords.ActionHangup),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Menu { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? GreetingPrompt { get; set; }

    [BindProperty]
    public string? InvalidPrompt { get; set; }

    [BindProperty]
    public string? TimeoutPrompt { get; set; }

    [BindProperty]
    public string? GreetingText { get; set; }

    [BindProperty]
    public string? InvalidText { get; set; }

    [BindProperty]
    public string? TimeoutText { get; set; }

    [BindProperty]
    public IFormFile? GreetingRecording { get; set; }

    [BindProperty]
    public IFormFile? InvalidRecording { get; set; }

    [BindProperty]
    public IFormFile? TimeoutRecording { get; set; }

    /// <summary>"on" or "off": whether callers hear the menu.</summary>
    [BindProperty]
    public string? Enabled { get; set; }

    [BindProperty]
    public string? TimeoutSeconds { get; set; }

    [BindProperty]
    public string? MaxRetries { get; set; }

    [BindProperty]
    public string? DefaultAction { get; set; }

    [BindProperty]
    public string? DefaultTarget { get; set; }

    [BindProperty]
    public List<string?> OptionDigits { get; set; } = [];

    [BindProperty]
    public List<string?> OptionActions { get; set; } = [];

    [BindProperty]
    public List<string?> OptionTargets { get; set; } = [];

    public bool IsNew => Menu is null;

    public bool CanSpeak => prompts.Studio is not null;

    public IReadOnlyList<string> Numbers { get; private set; } = [];

    public IReadOnlyList<PromptForm> PromptForms =>
    [
        new(MenuFields.Greeting, ConsoleWords.Greeting, "Greeting", GreetingText, GreetingPrompt, Listen(GreetingPrompt)),
        new(MenuFields.InvalidPrompt, ConsoleWords.InvalidPrompt, "Invalid", InvalidText, InvalidPrompt, Listen(InvalidPrompt)),
        new(MenuFields.TimeoutPrompt, ConsoleWords.TimeoutPrompt, "Timeout", TimeoutText, TimeoutPrompt, Listen(TimeoutPrompt)),
    ];

    /// <summary>An action as the console says it: "技能组 sales", "挂机".</summary>
    public static string Describe(HttpContext http, IvrAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        string kind = http.Say(Actions.First(a => a.Kind == action.Kind).Label);
        return action.Target is { } target ? $"{kind} {target}" : kind;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Menu is null)
        {
            Fill(new IvrMenu { Name = "", Greeting = "ivr_welcome", InvalidPrompt = "ivr_invalid", TimeoutPrompt = "ivr_timeout" });
            return Page();
        }

        IvrMenu? menu = await menus.GetAsync(Menu, cancellationToken);
        if (menu is null)
        {
            return NotFound();
        }

        Fill(menu);
        await ReadNumbersAsync(cancellationToken);
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
            return ReadOnly();
        }

        IvrMenu? asked = await ReadAsync(cancellationToken);
        PadOptions();
        if (asked is null)
        {
            Refuse(ConsoleWords.NotSaved);
            return Page();
        }

        try
        {
            if (Menu is null)
            {
                IvrMenu added = await menus.AddAsync(asked, cancellationToken);
                return Redirect($"/menus/edit/{added.Name}?saved=1");
            }

            IvrMenu saved = await menus.UpdateAsync(Menu, _ => asked, cancellationToken);
            Fill(saved);
            Outcome = ConsoleWords.Saved;
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotSaved, problem => FormField.KeyOf(problem, MenuFields.All));
        }

        await ReadNumbersAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return ReadOnly();
        }

        if (Menu is null)
        {
            return NotFound();
        }

        try
        {
            IvrMenuRemoval removal = await menus.RemoveAsync(Menu, cancellationToken);
            string left = string.Join(", ", removal.NumbersWithoutMenu);
            return Redirect($"/menus?removed={Uri.EscapeDataString(removal.Menu.Name)}{(left.Length == 0 ? "" : $"&left={Uri.EscapeDataString(left)}")}");
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotRemoved, problem => "");
        }

        IvrMenu? menu = await menus.GetAsync(Menu, cancellationToken);
        if (menu is null)
        {
            return NotFound();
        }

        Fill(menu);
        await ReadNumbersAsync(cancellationToken);
        return Page();
    }

    private PageResult ReadOnly()
    {
        RefuseReadOnly();
        PadOptions();
        return Page();
    }

    private async Task ReadNumbersAsync(CancellationToken cancellationToken)
    {
        if (Menu is not null)
        {
            Numbers = (await menus.NumbersByMenuAsync(cancellationToken)).GetValueOrDefault(Menu) ?? [];
        }
    }

    private void Fill(IvrMenu menu)
    {
        Name = menu.Name;
        GreetingPrompt = menu.Greeting;
        InvalidPrompt = menu.InvalidPrompt;
        TimeoutPrompt = menu.TimeoutPrompt;
        GreetingText = menu.GreetingText;
        InvalidText = menu.InvalidText;
        TimeoutText = menu.TimeoutText;
        Enabled = menu.Enabled ? "on" : "off";
        TimeoutSeconds = menu.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        MaxRetries = menu.MaxRetries.ToString(CultureInfo.InvariantCulture);
        DefaultAction = RuleWords.IvrActions.Word(menu.DefaultAction.Kind);
        DefaultTarget = menu.DefaultAction.Target;
        OptionDigits = [.. menu.Options.Select(o => (string?)o.Digit.ToString())];
        OptionActions = [.. menu.Options.Select(o => (string?)RuleWords.IvrActions.Word(o.Action.Kind))];
        OptionTargets = [.. menu.Options.Select(o => o.Action.Target)];
        PadOptions();
    }

    private void PadOptions()
    {
        int rows = Math.Max(OptionRows, new[] { OptionDigits.Count, OptionActions.Count, OptionTargets.Count }.Max());
        foreach (List<string?> column in new[] { OptionDigits, OptionActions, OptionTargets })
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

    /// <summary>The form as a menu, or null when a field cannot be read (the errors say which).</summary>
    private async Task<IvrMenu?> ReadAsync(CancellationToken cancellationToken)
    {
        var greeting = await PromptAsync(MenuFields.Greeting, GreetingRecording, GreetingText, GreetingPrompt, cancellationToken);
        var invalid = await PromptAsync(MenuFields.InvalidPrompt, InvalidRecording, InvalidText, InvalidPrompt, cancellationToken);
        var timeoutPrompt = await PromptAsync(MenuFields.TimeoutPrompt, TimeoutRecording, TimeoutText, TimeoutPrompt, cancellationToken);
        int? timeout = WholeNumber(TimeoutSeconds, MenuFields.Timeout);
        int? retries = WholeNumber(MaxRetries, MenuFields.Retries);
        IvrAction? fallback = Action(DefaultAction, DefaultTarget, MenuFields.DefaultAction);

        var options = new List<IvrOption>();
        for (int row = 0; row < new[] { OptionDigits.Count, OptionActions.Count, OptionTargets.Count }.Max(); row++)
        {
            string digit = (OptionDigits.ElementAtOrDefault(row) ?? "").Trim();
            string target = (OptionTargets.ElementAtOrDefault(row) ?? "").Trim();
            if (digit.Length == 0 && target.Length == 0)
            {
                continue;
            }

            if (digit.Length != 1)
            {
                AddError(MenuFields.Options.Key, HttpContext.Say(ConsoleWords.NotAKey));
                continue;
            }

            if (Action(OptionActions.ElementAtOrDefault(row), target, MenuFields.Options) is { } action)
            {
                options.Add(new IvrOption(digit[0], action));
            }
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new IvrMenu
        {
            Name = Menu ?? (Name ?? "").Trim(),
            Greeting = greeting!.Value.Prompt,
            GreetingText = greeting.Value.Words,
            InvalidPrompt = invalid!.Value.Prompt,
            InvalidText = invalid.Value.Words,
            TimeoutPrompt = timeoutPrompt!.Value.Prompt,
            TimeoutText = timeoutPrompt.Value.Words,
            Timeout = TimeSpan.FromSeconds(timeout!.Value),
            MaxRetries = retries!.Value,
            DefaultAction = fallback!,
            Options = options,
            Enabled = Enabled != "off",
        };
    }

    /// <summary>An action from its choice and target; null (with the error under <paramref name="field"/>) when they do not fit.</summary>
    private IvrAction? Action(string? word, string? target, FormField field)
    {
        if (!RuleWords.IvrActions.TryParse(word, out IvrActionKind kind))
        {
            AddError(field.Key, HttpContext.Say(ConsoleWords.NotAChoice));
            return null;
        }

        string aim = (target ?? "").Trim();
        bool needsTarget = kind is IvrActionKind.SkillGroup or IvrActionKind.Agent or IvrActionKind.Submenu;
        if (needsTarget != (aim.Length > 0))
        {
            AddError(field.Key, HttpContext.Say(ConsoleWords.TargetMismatch));
            return null;
        }

        return kind switch
        {
            IvrActionKind.SkillGroup => IvrAction.ToSkillGroup(aim),
            IvrActionKind.Agent => IvrAction.ToAgent(aim),
            IvrActionKind.Submenu => IvrAction.ToSubmenu(aim),
            IvrActionKind.Repeat => IvrAction.Repeat,
            _ => IvrAction.Hangup,
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
