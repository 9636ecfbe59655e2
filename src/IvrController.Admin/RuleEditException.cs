namespace IvrController.Admin;

/// <summary>
/// An admin edit (of the rule tables, or of the console's accounts) was refused; <see cref="Exception.Message"/>
/// says why in words an admin can act on (ivrctl prints it as it is, the console shows it). <see cref="Constraint"/> names the schema
/// constraint that refused it, when one did.
/// </summary>
public sealed class RuleEditException : Exception
{
    public RuleEditException()
    {
    }

    public RuleEditException(string message)
        : base(message)
    {
    }

    public RuleEditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuleEditException(string message, string? constraint, Exception? innerException)
        : base(message, innerException)
    {
        Constraint = constraint;
    }

    public string? Constraint { get; }

    /// <summary>Each problem on its own, without what was being done: the console puts each next to its field.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
