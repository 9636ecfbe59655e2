using System.CommandLine;
using System.Globalization;
using System.Text;
using IvrController.Admin;
using IvrController.Web.Security;

namespace IvrController.Cli;

/// <summary>
/// <c>ivrctl admins list | add | passwd | remove</c>: who may log in to the web console. A password is
/// never an argument (it would sit in the shell's history and in ps): it is typed at a prompt, or read
/// from the first line of standard input (<c>echo "$PW" | ivrctl admins add NAME</c>).
/// </summary>
public static class ConsoleAccountCommands
{
    public static Command Build(CliContext context) =>
        new("admins", "Web console accounts: admin (edits) or supervisor (reads only).")
        {
            List(context),
            Add(context),
            Passwd(context),
            Remove(context),
        };

    private static Command List(CliContext context)
    {
        var list = new Command("list", "Show every console account with its role (never a password).");
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            IReadOnlyList<ConsoleAccount> accounts = await new ConsoleAccountAdmin(database).ListAsync(cancellationToken).ConfigureAwait(false);
            if (accounts.Count == 0)
            {
                await context.Output.WriteLineAsync("No console accounts: add the first with 'ivrctl admins add NAME --role admin'.").ConfigureAwait(false);
                return;
            }

            var table = new TextTable("NAME", "ROLE", "CREATED", "PASSWORD SET");
            foreach (ConsoleAccount account in accounts)
            {
                table.Add(account.Name, ConsoleRoles.Words.Word(account.Role), Utc(account.CreatedAt), Utc(account.PasswordChangedAt));
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Add(CliContext context)
    {
        var name = NameArgument();
        var role = new Option<string>("--role")
        {
            HelpName = "admin|supervisor",
            Description = "admin may change rules and settings; supervisor (default) only reads.",
            DefaultValueFactory = _ => ConsoleRoles.Words.Word(ConsoleRole.Supervisor),
        };
        var add = new Command("add", "Add a console account; the password is prompted for, or read from standard input.") { name, role };
        add.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string account = parse.GetValue(name)!;
            ConsoleRole accountRole = OptionValues.Word(ConsoleRoles.Words, "--role", parse.GetValue(role)!);
            string password = await NewPasswordAsync(context, account).ConfigureAwait(false);
            await using var database = context.OpenDatabase(parse);
            await new ConsoleAccountAdmin(database).AddAsync(
                account, accountRole, ConsolePasswords.Hash(account, password), Audit(context, "account", $"added {account} ({ConsoleRoles.Words.Word(accountRole)})"), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Added console account {account} ({ConsoleRoles.Words.Word(accountRole)}).").ConfigureAwait(false);
        }));
        return add;
    }

    private static Command Passwd(CliContext context)
    {
        var name = NameArgument();
        var passwd = new Command("passwd", "Set a console account's password (its sessions end); prompted for, or read from standard input.") { name };
        passwd.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string account = parse.GetValue(name)!;
            string password = await NewPasswordAsync(context, account).ConfigureAwait(false);
            await using var database = context.OpenDatabase(parse);
            await new ConsoleAccountAdmin(database).SetPasswordAsync(
                account, ConsolePasswords.Hash(account, password), Audit(context, "account", $"new password for {account}"), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Changed the password of console account {account}.").ConfigureAwait(false);
        }));
        return passwd;
    }

    private static Command Remove(CliContext context)
    {
        var name = NameArgument();
        var remove = new Command("remove", "Remove a console account (its sessions end at their next request).") { name };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string account = parse.GetValue(name)!;
            await using var database = context.OpenDatabase(parse);
            await new ConsoleAccountAdmin(database).RemoveAsync(account, Audit(context, "account", $"removed {account}"), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Removed console account {account}.").ConfigureAwait(false);
        }));
        return remove;
    }

    private static Argument<string> NameArgument() =>
        new("name") { Description = "The account's name (1-64 of letters, digits, '_', '.', '@', '-')." };

    /// <summary>The audit entry of a change made from the command line: who is the OS user running ivrctl.</summary>
    private static AuditEntry Audit(CliContext context, string action, string detail) => new(context.Who, action, detail);

    private static async Task<string> NewPasswordAsync(CliContext context, string account)
    {
        string? password;
        if (context.InputIsTerminal)
        {
            password = ReadHidden(context, $"Password for {account}: ");
            string? again = ReadHidden(context, "Again: ");
            if (password != again)
            {
                throw new CliException("The two passwords differ; nothing was changed.");
            }
        }
        else
        {
            password = await context.Input.ReadLineAsync().ConfigureAwait(false);
        }

        if (ConsolePasswords.Problem(password) is { } problem)
        {
            throw new CliException($"{problem}; nothing was changed.");
        }

        return password!;
    }

    private static string? ReadHidden(CliContext context, string prompt)
    {
        context.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    context.Error.WriteLine();
                    return typed.ToString();
                case ConsoleKey.Backspace when typed.Length > 0:
                    typed.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        typed.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }

    private static string Utc(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
