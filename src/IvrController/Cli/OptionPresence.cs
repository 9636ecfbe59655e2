using System.CommandLine;

namespace IvrController.Cli;

/// <summary>
/// Whether the admin typed an option. A flag or an option with a default has a result even when absent
/// (an implicit one), so "is there a result" is not the question an update verb needs answered.
/// </summary>
public static class OptionPresence
{
    public static bool Given(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
