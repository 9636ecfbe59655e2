using Npgsql;

namespace IvrController.Store.Admin;

/// <summary>How the admin classes refuse an edit: one sentence naming the edit and every problem with it.</summary>
internal static class RuleEditRefusal
{
    /// <summary>"add menu main: option '1' goes to …; timeout 0 s is outside 1–60 s".</summary>
    public static RuleEditException Because(string doing, IEnumerable<string> problems) =>
        new($"{doing}: {string.Join("; ", problems)}");

    public static RuleEditException Because(string doing, string problem) => new($"{doing}: {problem}");

    /// <summary>Runs a write; a constraint violation becomes the schema's sentence for it, anything else stays as it is.</summary>
    public static async Task<T> TranslatingAsync<T>(string doing, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (PostgresException e) when (ConstraintMessages.Translate(e, doing) is { } refusal)
        {
            throw refusal;
        }
    }
}
