using System.CommandLine;

namespace IvrController.Cli;

/// <summary>
/// <c>--disabled</c> (add and update) and <c>--enabled</c> (update only) of a thing that can be switched off: a
/// survey template or an IVR menu. Neither leaves it as it is; both are refused.
/// </summary>
public sealed class OnOffOptions
{
    private readonly bool _adding;

    public OnOffOptions(bool adding, string whatOffMeans)
    {
        _adding = adding;
        Disabled = new Option<bool>("--disabled") { Description = adding ? $"Add it switched off{whatOffMeans}" : $"Switch it off{whatOffMeans}" };
        Enabled = new Option<bool>("--enabled") { Description = "Switch it on" };
    }

    public Option<bool> Enabled { get; }

    public Option<bool> Disabled { get; }

    public IEnumerable<Option> All => _adding ? [Disabled] : [Enabled, Disabled];

    /// <summary>true, false, or null when neither was given.</summary>
    public bool? Value(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return OptionValues.Enabled(!_adding && parse.GetValue(Enabled), parse.GetValue(Disabled));
    }
}
