using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary>An <see cref="Ivrctl"/> on a fresh database that <c>ivrctl db migrate</c> has set up, as an admin would start.</summary>
internal static class MigratedIvrctl
{
    public static async Task<Ivrctl> CreateAsync(PostgresServer postgres, string prefix)
    {
        var ivrctl = new Ivrctl(await postgres.CreateDatabaseAsync(prefix));
        var migrated = await ivrctl.RunAsync("db", "migrate");
        Assert.Equal((ExitCodes.Success, ""), (migrated.ExitCode, migrated.Error));
        return ivrctl;
    }

    /// <summary>Runs a verb that must succeed and returns its output.</summary>
    public static async Task<string> OkAsync(this Ivrctl ivrctl, params string[] args)
    {
        var result = await ivrctl.RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Success, $"ivrctl {string.Join(' ', args)} failed: {result.Error}");
        Assert.Equal("", result.Error);
        return result.Output;
    }

    /// <summary>Runs a verb that must fail with exactly one line on stderr, and returns that line.</summary>
    public static async Task<string> RefusedAsync(this Ivrctl ivrctl, params string[] args)
    {
        var result = await ivrctl.RunAsync(args);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("", result.Output);
        string line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        return line;
    }
}
