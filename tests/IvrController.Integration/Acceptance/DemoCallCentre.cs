using System.Diagnostics;
using IvrController.Cli;
using IvrController.Integration.Sipp;
using Xunit;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// Loads the demo call centre the way an operator does: <c>ivrctl db migrate</c>, then
/// scripts/demo-data.sh with the ivrctl built next to these tests, so the suite accepts exactly
/// the call centre scripts/run.sh starts with.
/// </summary>
public static class DemoCallCentre
{
    /// <summary>The agent the suite's phones play, and the directory password of freeswitch-conf/directory/default.xml.</summary>
    public const string Agent = "1001";
    public const string AgentPassword = "agent-1001-secret";

    /// <summary>Another agent of skill group sales (李四), for tests that must tell two agents' calls apart.</summary>
    public const string OtherAgent = "1002";
    public const string OtherAgentPassword = "agent-1002-secret";

    /// <summary>The customer of scripts/demo/customers.csv (C10086).</summary>
    public const string Customer = "13800138000";
    public const string CustomerE164 = "+8613800138000";
    public const string CustomerMasked = "138****8000";

    /// <summary>The demo's number in 上海 with menu main, linked to skill group sales.</summary>
    public const string OurNumber = "02152810000";

    /// <summary>The numbers of skill group sales (agent 1001's outbound group): the skill-group rule picks one of them.</summary>
    public static readonly string[] SalesNumbers = ["02152810000", "075586001234"];

    /// <summary>The agent's phone was rung once, showing the mask as caller number and name, and nothing it received names the customer.</summary>
    public static void AssertAgentPhoneSawOnlyTheMask(SippResult agentSide)
    {
        SipMessage invite = Assert.Single(agentSide.Received, m => m.IsRequest("INVITE"));
        Assert.Equal(CustomerMasked, SipMessage.UserOf(invite.Header("From")));
        Assert.Equal(CustomerMasked, SipMessage.DisplayNameOf(invite.Header("From")));
        Assert.All(agentSide.Received, m => Assert.DoesNotContain(Customer, m.Text, StringComparison.Ordinal));
    }

    /// <summary>The controller logs calls, never a customer's full number (at the levels it logs by default).</summary>
    public static void AssertControllerLogHidesTheCustomer(Scene scene) =>
        Assert.DoesNotContain(scene.ControllerLog, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information && e.Message.Contains(Customer, StringComparison.Ordinal));

    public static async Task LoadAsync(string connectionString, string logDirectory, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await IvrctlAsync(connectionString, "db", "migrate");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"ivrctl db migrate failed: {error}{output}");
        }

        string repository = RepositoryRoot();
        string ivrctl = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "ivrctl.exe" : "ivrctl");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(repository, "scripts", "demo-data.sh"));
        start.ArgumentList.Add(ivrctl);
        start.Environment["IVR_DB"] = connectionString;
        using Process script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        Task<string> stdout = script.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = script.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await script.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/demo-data.sh did not finish within 3 minutes");
        }

        string log = $"{await stdout}{await stderr}";
        await File.WriteAllTextAsync(Path.Combine(logDirectory, "demo-data.log"), log, cancellationToken);
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/demo-data.sh failed (exit {script.ExitCode}):{Environment.NewLine}{log}");
        }
    }

    /// <summary>Runs an ivrctl verb in-process against the suite's database, as an admin would.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> IvrctlAsync(string connectionString, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await IvrctlCommands.RunAsync(args, new CliContext(output, error) { DefaultDatabase = connectionString });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The checkout these tests were built from (the directory holding IvrController.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IvrController.sln")) && File.Exists(Path.Combine(directory.FullName, "scripts", "demo-data.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no IvrController.sln with scripts/demo-data.sh above {AppContext.BaseDirectory}: run the suite from a checkout");
    }
}
