using Dapper;
using IvrController.Store.Vocabulary;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// The console's accounts (<c>ivrctl admins …</c>). Passwords arrive already hashed: hashing is the
/// console's business (IvrController.Web's ConsolePasswords), so the hash format has one home.
/// </summary>
public sealed class ConsoleAccountAdmin(NpgsqlDataSource dataSource)
{
    private const string SelectAccounts = """
        select name as Name, role as Role, password_hash as PasswordHash, created_at as CreatedAt, password_changed_at as PasswordChangedAt
        from console_accounts
        """;

    public async Task<IReadOnlyList<ConsoleAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(SelectAccounts + " order by name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(ToAccount)];
    }

    /// <summary>The account, or null when there is none by that name.</summary>
    public async Task<ConsoleAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        AccountRow? row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            SelectAccounts + " where name = @Name", new { Name = name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    /// <exception cref="RuleEditException">The name is taken or malformed; nothing was written.</exception>
    public async Task AddAsync(string name, ConsoleRole role, string passwordHash, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        string doing = $"add admin {name}";
        await WriteAsync(doing, audit, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "insert into console_accounts (name, role, password_hash) values (@Name, @Role, @Hash)",
            new { Name = name, Role = ConsoleRoles.Words.Word(role), Hash = passwordHash },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="RuleEditException">There is no such account.</exception>
    public async Task SetPasswordAsync(string name, string passwordHash, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        string doing = $"change the password of admin {name}";
        int changed = await WriteAsync(doing, audit, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "update console_accounts set password_hash = @Hash, password_changed_at = now() where name = @Name",
            new { Name = name, Hash = passwordHash },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw RuleEditRefusal.Because(doing, "there is no such console account");
        }
    }

    /// <summary>
    /// Replaces a hash after a successful login with an older hash format; no audit entry, since the
    /// password is the same. Does nothing when the password changed in the meantime.
    /// </summary>
    public async Task RehashAsync(string name, string oldHash, string newHash, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "update console_accounts set password_hash = @NewHash where name = @Name and password_hash = @OldHash",
            new { Name = name, OldHash = oldHash, NewHash = newHash },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <exception cref="RuleEditException">There is no such account.</exception>
    public async Task RemoveAsync(string name, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        string doing = $"remove admin {name}";
        int removed = await WriteAsync(doing, audit, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "delete from console_accounts where name = @Name",
            new { Name = name },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        if (removed == 0)
        {
            throw RuleEditRefusal.Because(doing, "there is no such console account");
        }
    }

    // The change and its audit entry commit together, or neither does (a refusal rolls both back).
    private async Task<int> WriteAsync(string doing, AuditEntry audit, Func<NpgsqlConnection, NpgsqlTransaction, Task<int>> write, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int rows = await RuleEditRefusal.TranslatingAsync(doing, () => write(connection, transaction)).ConfigureAwait(false);
        if (rows > 0)
        {
            await AuditLog.WriteAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    private static ConsoleAccount ToAccount(AccountRow row) =>
        new(row.Name, ConsoleRoles.Words.Parse(row.Role), row.PasswordHash, row.CreatedAt, row.PasswordChangedAt);

    private sealed record AccountRow(string Name, string Role, string PasswordHash, DateTime CreatedAt, DateTime PasswordChangedAt);
}
