using Dapper;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// Follow-ups of low survey ratings: a supervisor (or admin) marks one done, with who and when, and the
/// audit log says so in the same transaction. Marking twice keeps the first mark and is refused.
/// </summary>
public sealed class SurveyFollowUps(NpgsqlDataSource dataSource)
{
    /// <summary>Marks the follow-up of survey result <paramref name="surveyId"/> done by <paramref name="who"/>.</summary>
    /// <exception cref="RuleEditException">No such survey result, or its follow-up is already marked done.</exception>
    public Task MarkDoneAsync(long surveyId, string who, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        string doing = $"follow-up of survey {surveyId}";
        var audit = new AuditEntry(who, "survey follow-up", $"survey {surveyId}: marked done");
        return RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            const string Sql = """
                update survey_results set follow_up_done_by = @who, follow_up_done_at = now()
                 where id = @surveyId and follow_up_done_by is null
                returning id
                """;
            long? marked = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                Sql, new { surveyId, who }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (marked is null)
            {
                bool exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select 1 from survey_results where id = @surveyId)", new { surveyId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                throw new RuleEditException(exists ? $"{doing}: already marked done" : $"{doing}: there is no such survey result");
            }

            await AuditLog.WriteAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }
}
