using System.CommandLine;
using IvrController.Hosting;
using Microsoft.Extensions.Hosting;

namespace IvrController.Cli;

/// <summary><c>ivrctl serve</c>: runs the controller in the foreground until Ctrl-C or SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Build(CliContext context)
    {
        var serve = new Command("serve", "Run the controller (settings: appsettings.json, IVR_DB, IVR_ESL_PASSWORD, IVR_Section__Key, --Section:Key=value).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            // Before the first socket: the runtime reads the switch once.
            SocketCompletions.RunInline();
            string[] hostArgs = [.. parse.UnmatchedTokens];
            if (parse.GetValue(CliContext.DatabaseOption) is { } database)
            {
                hostArgs = [.. hostArgs, $"--Database:ConnectionString={database}"];
            }

            IHost host;
            try
            {
                host = ControllerHost.Build(hostArgs);
            }
            catch (ControllerSettingsException e)
            {
                await context.Error.WriteLineAsync($"ivrctl: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            using (host)
            {
                try
                {
                    await host.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or Store.Migrations.SchemaMigrationException or InvalidOperationException)
                {
                    await context.Error.WriteLineAsync($"ivrctl: the controller could not start: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
            }

            return ExitCodes.Success;
        });
        return serve;
    }
}
