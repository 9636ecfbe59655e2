using Npgsql;

namespace IvrController.Web.Status;

/// <summary>Asks PostgreSQL one trivial question, with a short deadline: is it there?</summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await using NpgsqlCommand command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
