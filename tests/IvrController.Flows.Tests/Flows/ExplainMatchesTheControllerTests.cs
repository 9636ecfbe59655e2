using System.Diagnostics;
using System.Text.RegularExpressions;
using IvrController.Cli;
using IvrController.FakeSwitch;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Flows.Tests.Flows;

/// <summary>
/// Issue 3's "done when": a call centre set up from an empty database with ivrctl alone (the
/// committed scripts/demo-data.sh, run with the built binary), and ivrctl explain showing the
/// decision the controller's flows then take on the same rules.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ExplainMatchesTheControllerTests(PostgresServer server)
{
    [Fact]
    public async Task A_call_centre_made_by_ivrctl_alone_is_explained_and_then_served_the_same_way()
    {
        string database = await server.CreateDatabaseAsync("flow_demo");
        Assert.Equal(0, (await IvrctlAsync(database, "db", "migrate")).ExitCode);

        (int scriptExit, string scriptOutput) = await RunDemoScriptAsync(database);
        Assert.True(scriptExit == 0, scriptOutput);
        Assert.EndsWith("No problems.", scriptOutput.TrimEnd(), StringComparison.Ordinal);

        // Outbound: explain with a seed, then the controller's flow with a random pick from the same seed.
        var explained = await IvrctlAsync(database, "explain", "outbound", "--agent", "1002", "--to", "13800138000", "--seed", "11");
        Assert.Equal(0, explained.ExitCode);
        string shown = CustomerSees().Match(explained.Output).Groups[1].Value;
        Assert.Contains("from tier SkillGroup", explained.Output, StringComparison.Ordinal);

        var presence = new TestPresence().Registered("1002");
        await using (var centre = await CallCentre.OnDatabaseAsync(database, presence, new Random(11)))
        {
            FlowSwitch agentLeg = FlowSwitch.AgentLeg().WithAuthenticatedUser("1002").WithVariable("ivr_entry", "agents")
                .WithDestinationNumber("13800138000").OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(2), Party.Customer));
            await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

            string bridge = agentLeg.Executed.Single(e => e.Application == "bridge").Argument!;
            string national = "0" + shown["+86".Length..];
            Assert.StartsWith($"{{origination_caller_id_number={national},", bridge, StringComparison.Ordinal);
        }

        // Callback: the call just made is the memory; explain and the flow both ring agent 1002.
        var callback = await IvrctlAsync(database, "explain", "callback", "--from", "13800138000", "--to", "02152810000");
        Assert.Contains("Then:           ring agent 1002 for 20s; unanswered → the IVR 'main'", callback.Output, StringComparison.Ordinal);

        await using (var centre = await CallCentre.OnDatabaseAsync(database, presence, new Random(11)))
        {
            FlowSwitch customer = FlowSwitch.CustomerCallback().WithVariable("ivr_entry", "public").WithCallerIdNumber("13800138000")
                .WithDestinationNumber("02152810000").OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(2), Party.Customer));
            await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

            Assert.EndsWith("}user/1002@127.0.0.1", customer.Executed.Single(e => e.Application == "bridge").Argument, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Output)> IvrctlAsync(string database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await IvrctlCommands.RunAsync(args, new CliContext(output, error) { DefaultDatabase = database });
        return (exitCode, output + error.ToString());
    }

    /// <summary>Runs the committed script with the ivrctl this build produced, as an admin would.</summary>
    private static async Task<(int ExitCode, string Output)> RunDemoScriptAsync(string database)
    {
        string repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "IvrController.sln")))
        {
            repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("the repository root (IvrController.sln) was not found above the test binaries");
        }

        string ivrctl = Path.Combine(AppContext.BaseDirectory, "ivrctl.dll");
        var start = new ProcessStartInfo("bash", [Path.Combine(repo, "scripts", "demo-data.sh"), $"dotnet {ivrctl}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["IVR_DB"] = database;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stderr + await stdout);
    }

    [GeneratedRegex(@"Customer sees:  (\+86\d+) ")]
    private static partial Regex CustomerSees();
}
