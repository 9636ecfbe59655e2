using IvrController.Store.Vocabulary;
using Npgsql;

namespace IvrController.Admin;

/// <summary>How the admin classes refuse an edit: one sentence naming the edit and every problem with it.</summary>
internal static class RuleEditRefusal
{
    /// <summary>"add menu main: option '1' goes to …; timeout 0 s is outside 1–60 s".</summary>
    public static RuleEditException Because(string doing, IEnumerable<string> problems)
    {
        string[] each = [.. problems];
        return new($"{doing}: {string.Join("; ", each)}") { Problems = each };
    }

    public static RuleEditException Because(string doing, string problem) => new($"{doing}: {problem}") { Problems = [problem] };

    /// <summary>Runs a write; a constraint violation becomes the schema's sentence for it, anything else stays as it is.</summary>
    public static async Task<T> TranslatingAsync<T>(string doing, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (PostgresException e) when (ForViolation(e, doing) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// The refusal for a violation, prefixed with what was being done ("add agent 1001: …"); null when
    /// <paramref name="exception"/> is not a constraint violation (those are real failures, rethrow them).
    /// </summary>
    public static RuleEditException? ForViolation(PostgresException exception, string doing)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string? why = exception.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.CheckViolation =>
                exception.ConstraintName is { } name ? ConstraintMessages.For(name) ?? $"the edit breaks the rule '{name}'" : exception.MessageText,
            PostgresErrorCodes.NotNullViolation => $"{exception.ColumnName ?? "a value"} is required",
            _ => null,
        };

        return why is null ? null : new RuleEditException($"{doing}: {why}", exception.ConstraintName, exception) { Problems = [why] };
    }
}
