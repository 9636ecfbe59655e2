using IvrController.Hosting;
using IvrController.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IvrController.Web.Pages;
using IvrController.Web.Security;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>The console's small decisions, without a server: where it may listen, passwords, which field a refusal is about.</summary>
public sealed class ConsoleRulesTests
{
    [Theory]
    [InlineData("127.0.0.1:8090", false, true)]
    [InlineData("[::1]:8090", false, true)]
    [InlineData("0.0.0.0:8090", false, false)]
    [InlineData("0.0.0.0:8090", true, true)]
    [InlineData("localhost:8090", false, false)]
    [InlineData("127.0.0.1", false, false)]
    public void The_console_listens_on_loopback_unless_told_otherwise(string listen, bool allowRemote, bool accepted)
    {
        var options = new WebConsoleOptions { Enabled = true, Listen = listen, AllowRemote = allowRemote };

        Assert.Equal(accepted, options.Validate().Count == 0);
    }

    [Fact]
    public void A_console_that_is_off_has_nothing_to_check()
    {
        Assert.Empty(new WebConsoleOptions { Listen = "nonsense" }.Validate());
        Assert.False(new WebConsoleOptions().Enabled);
        Assert.Equal("127.0.0.1:8090", new WebConsoleOptions().Listen);
    }

    [Fact]
    public void The_controller_serves_no_console_unless_asked_and_refuses_a_public_address_without_allow_remote()
    {
        string[] basics = ["--Database:ConnectionString=Host=127.0.0.1;Port=1", "--Esl:Password=a-long-secret"];

        using IHost quiet = ControllerHost.Build(basics);
        var refused = Assert.Throws<ControllerSettingsException>(() => ControllerHost.Build([.. basics, "--Web:Enabled=true", "--Web:Listen=0.0.0.0:8090"]));

        Assert.Null(quiet.Services.GetService<WebConsoleServer>());
        Assert.Contains(refused.Problems, p => p.StartsWith("Web:Listen 0.0.0.0:8090 is reachable from other machines", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("callback ring timeout must be 1 to 120 s", "callback-ring-timeout")]
    [InlineData("the callback ring timeout must be longer than zero", "callback-ring-timeout")]
    [InlineData("callback window must be longer than zero", "callback-window")]
    [InlineData("there is no survey template 'x' for the outbound survey", "outbound-survey")]
    [InlineData("survey template '来电' is made for inbound calls, so it cannot be the outbound survey", "outbound-survey")]
    [InlineData("survey template 'y' is disabled: enable it before making it the inbound survey", "inbound-survey")]
    [InlineData("the settings row is broken", null)]
    public void A_refusal_lands_next_to_the_field_it_names(string problem, string? field)
    {
        Assert.Equal(field, SettingsField.Named(problem)?.Key);
    }

    [Fact]
    public void Passwords_are_hashed_salted_and_checked()
    {
        string first = ConsolePasswords.Hash("boss", "boss-password-1");
        string second = ConsolePasswords.Hash("boss", "boss-password-1");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("boss-password-1", first, StringComparison.Ordinal);
        Assert.True(ConsolePasswords.Verify("boss", first, "boss-password-1", out string? rehash));
        Assert.Null(rehash);
        Assert.False(ConsolePasswords.Verify("boss", first, "boss-password-2", out _));
        Assert.False(ConsolePasswords.Verify("boss", "not a hash", "boss-password-1", out _));
        Assert.NotNull(ConsolePasswords.Problem("short"));
        Assert.NotNull(ConsolePasswords.Problem("            "));
        Assert.Null(ConsolePasswords.Problem("long-enough-1"));
    }
}
